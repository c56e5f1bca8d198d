package dev.basalt.testdata.batcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.basalt.core.codec.BinaryWriter;
import dev.basalt.core.codec.DecodeException;
import dev.basalt.core.derive.batch.RawSpanBatch;
import dev.basalt.core.derive.batch.SignedTxFields;
import dev.basalt.core.derive.batch.SpanBatch;
import dev.basalt.core.derive.batch.SpanBatchCodec;
import dev.basalt.core.derive.batch.SpanBatchPrefix;
import dev.basalt.core.derive.batch.SpanBatchTxs;
import dev.basalt.core.derive.batch.SpanBits;
import dev.basalt.core.derive.batch.SpanTxData;
import dev.basalt.core.derive.batch.U64List;
import dev.basalt.core.rlp.RlpReader;
import dev.basalt.core.rlp.RlpWriter;
import dev.basalt.core.types.Address;
import dev.basalt.core.types.Bytes;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Span batch limits and the op-node decoding quirks we mirror on purpose. */
class SpanBatchEdgeTest {
  private static final Bytes CHECK = Bytes.wrapOwned(new byte[20]);

  /** rel_timestamp, l1_origin_num, two checks, then whatever payload bytes follow. */
  private static byte[] prefixThen(int... payload) {
    byte[] out = new byte[2 + 40 + payload.length];
    out[0] = 5;
    out[1] = 7;
    for (int i = 0; i < payload.length; i++) {
      out[42 + i] = (byte) payload[i];
    }
    return out;
  }

  private static void assertRejected(byte[] wire) {
    long before = System.nanoTime();
    assertThrows(DecodeException.class, () -> SpanBatchCodec.decode(wire, 0, wire.length));
    assertTrue(System.nanoTime() - before < 500_000_000L, "rejected cheaply");
  }

  @Test
  void hugeClaimsAreRejectedBeforeAllocating() {
    // block_count = 1,000,000,000 (varint 80 94 eb dc 03): over MAX_SPAN_BATCH_ELEMENT_COUNT.
    assertRejected(prefixThen(0x80, 0x94, 0xeb, 0xdc, 0x03));
    // block_count = 10,000,000 exactly is allowed, but 1.25 MB of origin bits are not there.
    assertRejected(prefixThen(0x80, 0xad, 0xe2, 0x04));
    // One block claiming a billion transactions.
    assertRejected(prefixThen(0x01, 0x00, 0x80, 0x94, 0xeb, 0xdc, 0x03));
    // Two blocks of 9,000,000 transactions each: the total is over the limit.
    assertRejected(prefixThen(0x02, 0x00, 0xc0, 0xa8, 0xa5, 0x04, 0xc0, 0xa8, 0xa5, 0x04));
    // One block of 9,999,999 transactions in a few bytes: the bitlists are missing.
    assertRejected(prefixThen(0x01, 0x00, 0xff, 0xac, 0xe2, 0x04));
    // Empty span batch.
    assertRejected(prefixThen(0x00));
    // Origin bit set above block_count (3 blocks, bit 3 set).
    assertRejected(prefixThen(0x03, 0x08, 0, 0, 0, 0, 0, 0));
    // A varint whose tenth byte is over 1, and an 11-byte varint.
    assertRejected(new byte[] {(byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, 0x02});
    byte[] eleven = new byte[11];
    Arrays.fill(eleven, (byte) 0x80);
    assertRejected(eleven);
  }

  @Test
  void nonMinimalVarintsAreAcceptedLikeGo() {
    // One block, no transactions, rel_timestamp written as 0x80 0x00 (zero, padded).
    byte[] wire = new byte[2 + 1 + 40 + 3];
    wire[0] = (byte) 0x80;
    wire[1] = 0x00;
    wire[2] = 9;
    wire[43] = 1;
    wire[44] = 1;
    wire[45] = 0;
    RawSpanBatch b = SpanBatchCodec.decode(wire, 0, wire.length);
    assertEquals(0, b.prefix().relTimestamp());
    assertEquals(9, b.prefix().l1OriginNumber());
    assertEquals(1, b.blockCount());
  }

  private static RawSpanBatch oneTx(Bytes txData, boolean creation, List<Address> tos, boolean legacyProtectedBit) {
    boolean legacy = (txData.get(0) & 0xff) > 0x7f || txData.get(0) == SpanTxData.LEGACY;
    SpanBatchTxs txs =
        new SpanBatchTxs(
            SpanBits.of(new boolean[] {creation}), SpanBits.of(new boolean[] {true}), Bytes.wrapOwned(new byte[64]), tos,
            List.of(txData), U64List.of(3), U64List.of(21_000), SpanBits.of(legacy ? new boolean[] {legacyProtectedBit} : new boolean[0]));
    return new RawSpanBatch(new SpanBatchPrefix(10, 100, CHECK, CHECK), SpanBits.of(new boolean[] {true}), U64List.of(1), txs);
  }

  private static RawSpanBatch viaWire(RawSpanBatch b) {
    BinaryWriter w = new BinaryWriter();
    SpanBatchCodec.encode(b, w);
    return SpanBatchCodec.decode(w.toByteArray(), 0, w.size());
  }

  @Test
  void setCodeMarkedAsCreationDecodesButFailsToDerive() {
    SpanTxData setCode =
        new SpanTxData.SetCode(BigInteger.ONE, BigInteger.TWO, BigInteger.TEN, Bytes.EMPTY, Bytes.fromHex("0xc0"), Bytes.fromHex("0xc0"));
    RawSpanBatch b = viaWire(oneTx(Bytes.wrapOwned(setCode.encode()), true, List.of(), false));
    DecodeException e = assertThrows(DecodeException.class, () -> b.derive(2, 0, 10));
    assertEquals("to address is required for a SetCode transaction", e.getMessage());
    RawSpanBatch ok = viaWire(oneTx(Bytes.wrapOwned(setCode.encode()), false, List.of(Address.ZERO), false));
    Bytes full = ok.derive(2, 0, 10).elements().get(0).transactions().get(0);
    assertEquals(4, full.get(0));
  }

  @Test
  void unsupportedTypesPassTheWireButNotDerivation() {
    for (int type : new int[] {0x00, 0x03, 0x05, 0x7e}) {
      byte[] data = {(byte) type, (byte) 0xc1, (byte) 0x80};
      RawSpanBatch b = viaWire(oneTx(Bytes.wrapOwned(data), false, List.of(Address.ZERO), true));
      assertThrows(DecodeException.class, () -> b.derive(2, 0, 10), "type " + type);
    }
    // A 0x00 type byte counts as legacy for the protected bits, as op-node's reader counts it.
    RawSpanBatch zero = viaWire(oneTx(Bytes.fromHex("0x00c180"), false, List.of(Address.ZERO), true));
    assertEquals(1, zero.txs().protectedBits().length());
  }

  @Test
  void legacyFieldsAreUnboundedButSetCodeFieldsAreU256() {
    BigInteger huge = BigInteger.ONE.shiftLeft(300);
    Bytes legacy = Bytes.wrapOwned(new SpanTxData.Legacy(huge, BigInteger.ONE, Bytes.EMPTY).encode());
    SpanBatch derived = viaWire(oneTx(legacy, false, List.of(Address.ZERO), true)).derive(2, 0, 10);
    Bytes full = derived.elements().get(0).transactions().get(0);
    RlpReader fields = new RlpReader(full.toArray()).readList();
    fields.skip();
    fields.skip();
    fields.skip();
    fields.skip();
    assertEquals(huge, fields.readBigUnsigned());
    assertEquals(BigInteger.valueOf(10 * 2 + 35 + 1), SignedTxFields.decode(full, 10).v());

    byte[] setCodeBig =
        new RlpWriter().startList().bigUnsigned(huge).bytes(new byte[0]).bytes(new byte[0]).bytes(new byte[0])
            .startList().endList().startList().endList().endList().toByteArray();
    byte[] typed = new byte[setCodeBig.length + 1];
    typed[0] = 4;
    System.arraycopy(setCodeBig, 0, typed, 1, setCodeBig.length);
    RawSpanBatch b = viaWire(oneTx(Bytes.wrapOwned(typed), false, List.of(Address.ZERO), false));
    assertThrows(DecodeException.class, () -> b.derive(2, 0, 10));
  }

  @Test
  void unprotectedLegacyKeepsV27Or28() {
    Bytes legacy = Bytes.wrapOwned(new SpanTxData.Legacy(BigInteger.ONE, BigInteger.ONE, Bytes.EMPTY).encode());
    Bytes full = viaWire(oneTx(legacy, true, List.of(), false)).derive(2, 0, 10).elements().get(0).transactions().get(0);
    SignedTxFields f = SignedTxFields.decode(full, 10);
    assertEquals(BigInteger.valueOf(28), f.v());
    assertEquals(null, f.to());
  }

  @Test
  void epochsWalkBackFromTheLastOriginAndTimestampsStepByBlockTime() {
    SpanBatchTxs none =
        new SpanBatchTxs(SpanBits.of(new boolean[0]), SpanBits.of(new boolean[0]), Bytes.EMPTY, List.of(), List.of(), U64List.EMPTY, U64List.EMPTY, SpanBits.of(new boolean[0]));
    // Bits 1,0,1,1: the first bit never moves the origin back (it marks a new epoch at the parent).
    RawSpanBatch b =
        new RawSpanBatch(new SpanBatchPrefix(100, 50, CHECK, CHECK), SpanBits.of(new boolean[] {true, false, true, true}), U64List.of(0, 0, 0, 0), none);
    SpanBatch s = viaWire(b).derive(2, 1000, 10);
    assertEquals(List.of(48L, 48L, 49L, 50L), s.elements().stream().map(e -> e.epochNumber()).toList());
    assertEquals(List.of(1100L, 1102L, 1104L, 1106L), s.elements().stream().map(e -> e.timestamp()).toList());
  }
}
