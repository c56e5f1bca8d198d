package dev.basalt.core.p2p;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.basalt.core.crypto.Keccak;
import dev.basalt.core.engine.ExecutionPayload;
import dev.basalt.core.engine.ExecutionPayloadEnvelope;
import dev.basalt.core.types.Address;
import dev.basalt.core.types.Bytes;
import dev.basalt.core.types.Hash32;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/**
 * The SSZ layouts against op-alloy's gossip vectors (v1..v4): the fields are read back from the
 * vector with a minimal reader written for this test (these vectors carry no extra data,
 * transactions or withdrawals), encoded again, and must give the same bytes and payload hash.
 */
class PayloadSszTest {
  private record Vector(BlockVersion version, Hash32 payloadHash, byte[] signed) {}

  private static List<Vector> vectors() throws IOException {
    List<Vector> out = new ArrayList<>();
    try (BufferedReader r = new BufferedReader(new InputStreamReader(
        PayloadSszTest.class.getResourceAsStream("/p2p/opalloy_signed_payloads.txt"), StandardCharsets.UTF_8))) {
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        if (line.startsWith("#") || line.isBlank()) {
          continue;
        }
        String[] f = line.split(" ");
        out.add(new Vector(BlockVersion.values()[Integer.parseInt(f[0]) - 1], Hash32.fromHex(f[1]), HexFormat.of().parseHex(f[2])));
      }
    }
    return out;
  }

  @Test
  void reEncodingTheVectorsGivesTheirBytesAndPayloadHashes() throws IOException {
    List<Vector> vs = vectors();
    assertEquals(4, vs.size());
    for (Vector v : vs) {
      ExecutionPayloadEnvelope envelope = read(v.signed(), v.version());
      Bytes encoded = PayloadSsz.signedBytes(envelope, v.version());
      assertEquals(Bytes.of(v.signed()), encoded, v.version().name());
      assertEquals(v.payloadHash(), Keccak.hash(encoded), v.version().name());
    }
  }

  private static ExecutionPayloadEnvelope read(byte[] signed, BlockVersion version) {
    ByteBuffer b = ByteBuffer.wrap(signed).order(ByteOrder.LITTLE_ENDIAN);
    Optional<Hash32> root = version.hasBeaconRoot() ? Optional.of(hash(b)) : Optional.empty();
    Hash32 parent = hash(b);
    Address fee = Address.wrap(take(b, 20), 0);
    Hash32 state = hash(b);
    Hash32 receipts = hash(b);
    Bytes bloom = Bytes.of(take(b, 256));
    Hash32 randao = hash(b);
    long number = b.getLong();
    long gasLimit = b.getLong();
    long gasUsed = b.getLong();
    long time = b.getLong();
    int extraOffset = b.getInt();
    assertEquals(version.fixedPartBytes(), extraOffset);
    byte[] fee256 = take(b, 32);
    byte[] be = new byte[32];
    for (int i = 0; i < 32; i++) {
      be[i] = fee256[31 - i];
    }
    Hash32 blockHash = hash(b);
    int txOffset = b.getInt();
    assertEquals(extraOffset, txOffset, "vectors without extra data");
    Optional<List<dev.basalt.core.block.Withdrawal>> withdrawals = Optional.empty();
    if (version != BlockVersion.V1) {
      assertEquals(txOffset, b.getInt(), "vectors without transactions");
      withdrawals = Optional.of(List.of());
    }
    OptionalLong blobGas = OptionalLong.empty();
    OptionalLong excess = OptionalLong.empty();
    if (version.hasBeaconRoot()) {
      blobGas = OptionalLong.of(b.getLong());
      excess = OptionalLong.of(b.getLong());
    }
    Optional<Hash32> wRoot = version == BlockVersion.V4 ? Optional.of(hash(b)) : Optional.empty();
    assertEquals(signed.length, b.position(), "nothing after the fixed part");
    ExecutionPayload p = new ExecutionPayload(parent, fee, state, receipts, bloom, randao, number, gasLimit, gasUsed, time,
        Bytes.of(new byte[0]), new BigInteger(1, be), blockHash, List.of(), withdrawals, blobGas, excess, wRoot);
    return new ExecutionPayloadEnvelope(p, root);
  }

  private static Hash32 hash(ByteBuffer b) {
    return Hash32.wrap(take(b, 32));
  }

  private static byte[] take(ByteBuffer b, int n) {
    byte[] out = new byte[n];
    b.get(out);
    return out;
  }
}
