package dev.basalt.core.p2p;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.basalt.core.block.Withdrawal;
import dev.basalt.core.engine.ExecutionPayload;
import dev.basalt.core.engine.ExecutionPayloadEnvelope;
import dev.basalt.core.types.Address;
import dev.basalt.core.types.Bytes;
import dev.basalt.core.types.Hash32;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The SSZ reader against hildr's (op-node ssz_test mirrors) and op-alloy's vectors, and round trips. */
class PayloadSszDecoderTest {
  private static PayloadSszDecoder.Result decode(String hex, int version) {
    return PayloadSszDecoder.decode(HexFormat.of().parseHex(hex), BlockVersion.values()[version - 1]);
  }

  @Test
  void hildrVectorsDecodeOrFailAsExpected() {
    List<String[]> rows = P2pVectors.rows("hildr_ssz_payloads.txt");
    assertEquals(7, rows.size());
    for (String[] row : rows) {
      PayloadSszDecoder.Result r = decode(row[3], Integer.parseInt(row[1]));
      if (row[2].equals("ok")) {
        ExecutionPayloadEnvelope e = assertInstanceOf(PayloadSszDecoder.Decoded.class, r, row[0]).envelope();
        assertEquals(BigInteger.valueOf(777), e.payload().baseFeePerGas(), row[0]);
        assertEquals(Hash32.fromHex("0x" + "0".repeat(61) + "123"), e.payload().parentHash(), row[0]);
        assertEquals(Hash32.fromHex("0x" + "0".repeat(61) + "789"), e.payload().stateRoot(), row[0]);
      } else {
        assertInstanceOf(PayloadSszDecoder.Invalid.class, r, row[0]);
      }
    }
  }

  @Test
  void hildrWithdrawalCountsAreRead() {
    for (String[] row : P2pVectors.rows("hildr_ssz_payloads.txt")) {
      if (row[0].equals("maxWithdrawalsSucceeds")) {
        var e = ((PayloadSszDecoder.Decoded) decode(row[3], 2)).envelope();
        assertEquals(16, e.payload().withdrawals().orElseThrow().size());
      }
    }
  }

  @Test
  void hildrEnvelopeV3HasItsFields() {
    String[] row = P2pVectors.rows("hildr_ssz_payloads.txt").stream().filter(r -> r[0].equals("envelopeV3")).findFirst()
        .orElseThrow();
    ExecutionPayloadEnvelope e = ((PayloadSszDecoder.Decoded) decode(row[3], 3)).envelope();
    assertEquals(Optional.of(Hash32.fromHex("0x" + "0".repeat(61) + "123")), e.parentBeaconBlockRoot());
    assertEquals(222, e.payload().blockNumber());
    assertEquals(555, e.payload().timestamp());
    assertEquals(Bytes.fromHex("0x6666"), e.payload().extraData());
    assertEquals(OptionalLong.of(0), e.payload().blobGasUsed());
    assertEquals(OptionalLong.of(0), e.payload().excessBlobGas());
  }

  @Test
  void opAlloySignedPayloadsDecodeAndReEncodeToTheSameBytes() {
    List<String[]> rows = P2pVectors.rows("opalloy_signed_payloads.txt");
    assertEquals(4, rows.size());
    for (String[] row : rows) {
      BlockVersion v = BlockVersion.values()[Integer.parseInt(row[0]) - 1];
      byte[] signed = HexFormat.of().parseHex(row[2]);
      ExecutionPayloadEnvelope e = assertInstanceOf(PayloadSszDecoder.Decoded.class, PayloadSszDecoder.decode(signed, v)).envelope();
      assertArrayEquals(signed, PayloadSsz.signedBytes(e, v).toArray(), v.name());
    }
  }

  @Test
  void aPayloadOfOneVersionIsNotReadAsAnother() {
    String[] v1 = P2pVectors.rows("opalloy_signed_payloads.txt").get(0);
    byte[] signed = HexFormat.of().parseHex(v1[2]);
    for (BlockVersion other : List.of(BlockVersion.V2, BlockVersion.V3, BlockVersion.V4)) {
      assertInstanceOf(PayloadSszDecoder.Invalid.class, PayloadSszDecoder.decode(signed, other), other.name());
    }
  }

  @Test
  void randomPayloadsRoundTripInEveryVersion() {
    SplittableRandom rng = new SplittableRandom(5);
    for (int i = 0; i < 200; i++) {
      BlockVersion v = BlockVersion.values()[i % 4];
      ExecutionPayloadEnvelope e = randomEnvelope(rng, v);
      byte[] signed = PayloadSsz.signedBytes(e, v).toArray();
      assertEquals(new PayloadSszDecoder.Decoded(e), PayloadSszDecoder.decode(signed, v));
      // Every strict prefix is refused or reads as something else, never throws.
      int cut = rng.nextInt(signed.length);
      PayloadSszDecoder.decode(java.util.Arrays.copyOf(signed, cut), v);
    }
  }

  @Test
  void truncatedAndGarbageInputIsAValueNeverAnException() {
    SplittableRandom rng = new SplittableRandom(11);
    for (int i = 0; i < 2_000; i++) {
      byte[] junk = new byte[rng.nextInt(700)];
      rng.nextBytes(junk);
      PayloadSszDecoder.decode(junk, BlockVersion.values()[i % 4]);
    }
  }

  static ExecutionPayloadEnvelope randomEnvelope(SplittableRandom rng, BlockVersion v) {
    List<Bytes> txs = new ArrayList<>();
    for (int t = rng.nextInt(4); t > 0; t--) {
      txs.add(bytes(rng, rng.nextInt(300)));
    }
    List<Withdrawal> ws = new ArrayList<>();
    for (int w = rng.nextInt(3); w > 0 && v != BlockVersion.V1; w--) {
      ws.add(new Withdrawal(rng.nextLong(), rng.nextLong(), Address.wrap(bytes(rng, 20).toArray()), rng.nextLong()));
    }
    boolean blob = v.hasBeaconRoot();
    ExecutionPayload p = new ExecutionPayload(hash(rng), Address.wrap(bytes(rng, 20).toArray()), hash(rng), hash(rng),
        bytes(rng, 256), hash(rng), rng.nextLong(), rng.nextLong(), rng.nextLong(), rng.nextLong(), bytes(rng, rng.nextInt(33)),
        new BigInteger(256, new java.util.Random(rng.nextLong())), hash(rng), txs,
        v == BlockVersion.V1 ? Optional.empty() : Optional.of(ws), blob ? OptionalLong.of(rng.nextLong()) : OptionalLong.empty(),
        blob ? OptionalLong.of(rng.nextLong()) : OptionalLong.empty(),
        v == BlockVersion.V4 ? Optional.of(hash(rng)) : Optional.empty());
    return new ExecutionPayloadEnvelope(p, blob ? Optional.of(hash(rng)) : Optional.empty());
  }

  private static Bytes bytes(SplittableRandom rng, int n) {
    byte[] b = new byte[n];
    rng.nextBytes(b);
    return Bytes.wrapOwned(b);
  }

  private static Hash32 hash(SplittableRandom rng) {
    return Hash32.wrap(bytes(rng, 32).toArray());
  }
}
