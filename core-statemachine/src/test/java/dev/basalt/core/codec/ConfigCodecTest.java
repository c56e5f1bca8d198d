package dev.basalt.core.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.basalt.core.config.L1ChainConfig;
import dev.basalt.core.config.RollupConfig;
import dev.basalt.core.config.SampleConfigs;
import dev.basalt.core.config.UnsupportedFeature;
import dev.basalt.core.types.Address;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Fixed-value codec checks; seeded random round trips live in testdata's ConfigCodecRoundTripTest. */
class ConfigCodecTest {
  private static byte[] encode(RollupConfig c) {
    BinaryWriter w = new BinaryWriter();
    ConfigCodec.write(w, c);
    return w.toByteArray();
  }

  private static RollupConfig decode(byte[] b) {
    BinaryReader r = new BinaryReader(b);
    RollupConfig c = ConfigCodec.readRollupConfig(r);
    r.expectEnd("rollup config");
    return c;
  }

  @Test
  void opMainnetRoundTrips() {
    RollupConfig op = SampleConfigs.opMainnet();
    assertEquals(op, decode(encode(op)));
    RollupConfig extras = new RollupConfig(op.l1ChainId(), op.l2ChainId(), op.genesis(), op.blockTimeSeconds(),
        op.maxSequencerDriftSeconds(), op.seqWindowSize(), op.channelTimeoutBedrock(), op.batchInboxAddress(),
        op.depositContractAddress(), op.l1SystemConfigAddress(), op.forks(), 1742486400, op.eip1559(), false,
        Address.fromHex("0x8062AbC286f5e7D9428a0Ccb9AbD71e50d93b935"),
        List.of(UnsupportedFeature.ALT_DA, UnsupportedFeature.INTEROP));
    assertEquals(extras, decode(encode(extras)));
  }

  @Test
  void l1ConfigsRoundTrip() {
    for (L1ChainConfig c : List.of(SampleConfigs.ethereumMainnet(), SampleConfigs.sepolia(), new L1ChainConfig(5, List.of()))) {
      BinaryWriter w = new BinaryWriter();
      ConfigCodec.write(w, c);
      BinaryReader r = new BinaryReader(w.toByteArray());
      assertEquals(c, ConfigCodec.readL1ChainConfig(r));
      r.expectEnd("L1 chain config");
    }
  }

  @Test
  void everyTruncationFailsCleanly() {
    byte[] full = encode(SampleConfigs.opMainnet());
    for (int n = 0; n < full.length; n++) {
      byte[] cut = Arrays.copyOf(full, n);
      assertThrows(DecodeException.class, () -> decode(cut), "truncated to " + n);
    }
  }

  @Test
  void rejectsUnknownVersionAndForks() {
    byte[] full = encode(SampleConfigs.opMainnet());
    byte[] badVersion = full.clone();
    badVersion[0] = 2;
    assertThrows(DecodeException.class, () -> decode(badVersion));

    // The fork schedule follows version, 2 chain ids, genesis and 4 timing fields and 3 addresses.
    int genesis = 2 * (32 + 8) + 8 + 20 + 32 + 32 + 8 * 6 + 4;
    int forks = 1 + 16 + genesis + 32 + 60;
    assertEquals(10, readI32(full, forks), "10 scheduled forks");
    byte[] unknownFork = full.clone();
    unknownFork[forks + 4] = 99;
    assertThrows(DecodeException.class, () -> decode(unknownFork), "unknown fork ordinal");
    byte[] repeated = full.clone();
    repeated[forks + 4 + 9] = repeated[forks + 4]; // second entry claims the first fork again
    assertThrows(DecodeException.class, () -> decode(repeated), "forks out of order");
  }

  @Test
  void rejectsInvalidValuesThroughTheConstructors() {
    byte[] full = encode(SampleConfigs.opMainnet());
    byte[] zeroBlockTime = full.clone();
    int blockTime = 1 + 16 + 2 * (32 + 8) + 8 + 20 + 32 + 32 + 8 * 6 + 4;
    Arrays.fill(zeroBlockTime, blockTime, blockTime + 8, (byte) 0);
    assertThrows(DecodeException.class, () -> decode(zeroBlockTime));
  }

  private static int readI32(byte[] b, int at) {
    return new BinaryReader(b, at, 4).i32();
  }
}
