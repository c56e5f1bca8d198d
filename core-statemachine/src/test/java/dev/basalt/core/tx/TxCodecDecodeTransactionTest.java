package dev.basalt.core.tx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.basalt.core.codec.DecodeException;
import dev.basalt.core.derive.pipeline.L1Txs;
import dev.basalt.core.types.Address;
import dev.basalt.core.types.Bytes;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link TxCodec#decodeTransaction} is {@link TxCodec#decode} without the hash: the same
 * transaction, null exactly where decode answers an unknown type, and the same exception message
 * on seeded damaged envelopes of every type.
 */
class TxCodecDecodeTransactionTest {
  @Test
  void agreesWithDecodeOnSeededEnvelopes() {
    Random rng = new Random(2718);
    Address inbox = Address.fromHex("0x" + "ff".repeat(20));
    List<Bytes> valid = List.of(
        L1Txs.calldataTx(L1Txs.BATCHER, 900, inbox, Bytes.fromHex("0x00" + "ab".repeat(40))),
        L1Txs.legacyTx(L1Txs.BATCHER, 900L, inbox, Bytes.fromHex("0x0102")),
        L1Txs.legacyTx(L1Txs.BATCHER, null, inbox, Bytes.fromHex("0x01")),
        L1Txs.blobTx(L1Txs.BATCHER, 900, inbox, Bytes.EMPTY, List.of(L1Txs.versionedHash(1))));
    for (int i = 0; i < 20_000; i++) {
      byte[] b = valid.get(rng.nextInt(valid.size())).toArray();
      switch (rng.nextInt(5)) {
        case 0 -> { }
        case 1 -> b[rng.nextInt(b.length)] = (byte) rng.nextInt(256);
        case 2 -> b = java.util.Arrays.copyOf(b, rng.nextInt(b.length + 2));
        case 3 -> b[0] = (byte) rng.nextInt(256);
        default -> {
          b = new byte[rng.nextInt(6)];
          rng.nextBytes(b);
        }
      }
      compare(b, "case " + i);
    }
  }

  private static void compare(byte[] envelope, String what) {
    DecodedTx expected;
    try {
      expected = TxCodec.decode(envelope);
    } catch (DecodeException e) {
      DecodeException actual = assertThrows(DecodeException.class, () -> TxCodec.decodeTransaction(envelope), what);
      assertEquals(e.getMessage(), actual.getMessage(), what);
      return;
    }
    Transaction tx = TxCodec.decodeTransaction(envelope);
    if (expected instanceof SignedTx s) {
      assertEquals(s.tx(), tx, what);
    } else {
      assertNull(tx, what);
    }
  }
}
