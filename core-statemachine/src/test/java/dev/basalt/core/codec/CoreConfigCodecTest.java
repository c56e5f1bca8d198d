package dev.basalt.core.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.basalt.core.CoreConfig;
import dev.basalt.core.NodeMode;
import dev.basalt.core.SequencerConfig;
import dev.basalt.core.SyncMode;
import dev.basalt.core.world.TestChain;
import org.junit.jupiter.api.Test;

class CoreConfigCodecTest {
  private final TestChain chain = TestChain.holocene();

  @Test
  void syncModeAndConfirmationDepthRoundTrip() {
    CoreConfig config = chain.config(SyncMode.EXECUTION_LAYER, 12);
    BinaryWriter w = new BinaryWriter();
    ValueCodec.write(w, config);
    BinaryReader r = new BinaryReader(w.toByteArray());
    assertEquals(config, ValueCodec.readCoreConfig(r));
    r.expectEnd("core config");
  }

  @Test
  void theSequencerConfigurationRoundTrips() {
    CoreConfig config = CoreConfig.sequencer(chain.rollup, chain.l1Config, new SequencerConfig(7, 120, 30, true, true, true));
    BinaryWriter w = new BinaryWriter();
    ValueCodec.write(w, config);
    BinaryReader r = new BinaryReader(w.toByteArray());
    assertEquals(config, ValueCodec.readCoreConfig(r));
    r.expectEnd("core config");
  }

  @Test
  void theSecondFormReadsWithTheSequencersDefaults() {
    BinaryWriter w = new BinaryWriter();
    ConfigCodec.write(w, chain.rollup);
    ConfigCodec.write(w, chain.l1Config);
    w.u8(NodeMode.VALIDATOR.ordinal());
    w.u8(SyncMode.EXECUTION_LAYER.ordinal());
    w.i64(3);
    BinaryReader r = new BinaryReader(w.toByteArray());
    CoreConfig read = ValueCodec.readCoreConfigV2(r);
    r.expectEnd("core config");
    assertEquals(chain.config(SyncMode.EXECUTION_LAYER, 3), read);
    assertEquals(SequencerConfig.DEFAULTS, read.sequencer());
  }

  @Test
  void theFirstFormReadsWithOpNodesDefaults() {
    BinaryWriter w = new BinaryWriter();
    ConfigCodec.write(w, chain.rollup);
    ConfigCodec.write(w, chain.l1Config);
    w.u8(NodeMode.VALIDATOR.ordinal());
    CoreConfig read = ValueCodec.readCoreConfigV1(new BinaryReader(w.toByteArray()));
    assertEquals(SyncMode.CONSENSUS_LAYER, read.syncMode());
    assertEquals(0, read.verifierL1Confs());
  }

  @Test
  void anAbsurdConfirmationDepthIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> chain.config(SyncMode.CONSENSUS_LAYER, -1));
    assertThrows(IllegalArgumentException.class,
        () -> chain.config(SyncMode.CONSENSUS_LAYER, CoreConfig.MAX_VERIFIER_L1_CONFS + 1));
  }
}
