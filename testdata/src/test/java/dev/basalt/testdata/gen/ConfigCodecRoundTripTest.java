package dev.basalt.testdata.gen;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.basalt.core.codec.BinaryReader;
import dev.basalt.core.codec.BinaryWriter;
import dev.basalt.core.codec.ConfigCodec;
import dev.basalt.core.codec.DecodeException;
import dev.basalt.core.config.L1ChainConfig;
import dev.basalt.core.config.RollupConfig;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Seeded property tests: random configs survive encode/decode unchanged and re-encode identically. */
class ConfigCodecRoundTripTest {
  private static final int CASES = 2_000;

  @Test
  void rollupConfigsRoundTrip() {
    ConfigGen gen = new ConfigGen(new SimRng(20260704).fork("rollup-config"));
    for (int i = 0; i < CASES; i++) {
      RollupConfig c = gen.rollupConfig();
      BinaryWriter w = new BinaryWriter();
      ConfigCodec.write(w, c);
      byte[] bytes = w.toByteArray();
      BinaryReader r = new BinaryReader(bytes);
      RollupConfig back = ConfigCodec.readRollupConfig(r);
      r.expectEnd("rollup config");
      assertEquals(c, back, "case " + i);
      BinaryWriter again = new BinaryWriter();
      ConfigCodec.write(again, back);
      assertArrayEquals(bytes, again.toByteArray(), "case " + i + " re-encodes identically");
    }
  }

  @Test
  void l1ChainConfigsRoundTrip() {
    ConfigGen gen = new ConfigGen(new SimRng(20260704).fork("l1-chain-config"));
    for (int i = 0; i < CASES; i++) {
      L1ChainConfig c = gen.l1ChainConfig();
      BinaryWriter w = new BinaryWriter();
      ConfigCodec.write(w, c);
      BinaryReader r = new BinaryReader(w.toByteArray());
      assertEquals(c, ConfigCodec.readL1ChainConfig(r), "case " + i);
      r.expectEnd("L1 chain config");
    }
  }

  @Test
  void truncatedRandomConfigsNeverDecode() {
    SimRng rng = new SimRng(7).fork("truncation");
    ConfigGen gen = new ConfigGen(rng.fork("configs"));
    for (int i = 0; i < 300; i++) {
      BinaryWriter w = new BinaryWriter();
      ConfigCodec.write(w, gen.rollupConfig());
      byte[] full = w.toByteArray();
      byte[] cut = Arrays.copyOf(full, rng.nextInt(full.length));
      assertThrows(DecodeException.class, () -> ConfigCodec.readRollupConfig(new BinaryReader(cut)), "case " + i);
    }
  }
}
