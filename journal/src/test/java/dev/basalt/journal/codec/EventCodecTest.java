package dev.basalt.journal.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.basalt.core.CoreConfig;
import dev.basalt.core.SyncMode;
import dev.basalt.core.codec.BinaryReader;
import dev.basalt.core.codec.BinaryWriter;
import dev.basalt.core.codec.ConfigCodec;
import dev.basalt.core.event.InputEvent;
import dev.basalt.core.event.NodeStarted;
import dev.basalt.testdata.gen.EventGenerators;
import dev.basalt.testdata.gen.SimRng;
import dev.basalt.testdata.gen.ValueGenerators;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EventCodecTest {
  private static final int VALUES_PER_TYPE = 2_000;
  private static final long MAX_SEEDS = 200_000;

  @Test
  void everyEventTypeRoundTripsForManySeeds() {
    Map<Class<?>, Integer> counts = new LinkedHashMap<>();
    int types = InputEvent.class.getPermittedSubclasses().length;
    long seed = 0;
    while (!allReached(counts, types) && seed < MAX_SEEDS) {
      InputEvent event = EventGenerators.any(new SimRng(seed));
      int n = counts.merge(event.getClass(), 1, Integer::sum);
      if (n <= VALUES_PER_TYPE) {
        CodecRoundTrip.assertRoundTrips(event, seed);
      }
      seed++;
    }
    assertEquals(types, counts.size(), "types seen: " + counts.keySet());
    counts.forEach((type, n) -> assertTrue(n >= VALUES_PER_TYPE, type + " only " + n));
  }

  @Test
  void tagsAreDistinctAndNamed() {
    Map<Integer, Class<?>> byTag = new LinkedHashMap<>();
    for (long seed = 0; byTag.size() < InputEvent.class.getPermittedSubclasses().length; seed++) {
      InputEvent event = EventGenerators.any(new SimRng(seed));
      Class<?> previous = byTag.putIfAbsent(EventCodec.tag(event), event.getClass());
      if (previous != null) {
        assertEquals(previous, event.getClass(), "tag " + EventCodec.tag(event) + " shared");
      }
      assertEquals(event.getClass().getSimpleName(), EventCodec.typeName(EventCodec.tag(event)));
    }
  }

  @Test
  void nodeStartedOfTheFirstVersionReadsAsConsensusLayerSyncWithoutConfirmations() {
    CoreConfig config = ValueGenerators.coreConfig(new SimRng(7));
    BinaryWriter w = new BinaryWriter();
    // Version 1 wrote the chain configs and the node mode only.
    ConfigCodec.write(w, config.rollup());
    ConfigCodec.write(w, config.l1());
    w.u8(config.mode().ordinal());
    w.i64(1234);
    InputEvent read = EventCodec.decode(EventCodec.NODE_STARTED, 1, new BinaryReader(w.toByteArray()));
    assertEquals(new NodeStarted(new CoreConfig(config.rollup(), config.l1(), config.mode()), 1234), read);
    assertEquals(SyncMode.CONSENSUS_LAYER, ((NodeStarted) read).config().syncMode());
    assertEquals(4, EventCodec.version(read), "new journals write version 4");
  }

  @Test
  void nodeStartedOfTheSecondVersionReadsWithTheSequencersDefaults() {
    CoreConfig config = ValueGenerators.coreConfig(new SimRng(9));
    BinaryWriter w = new BinaryWriter();
    // Version 2 added the sync mode and the verifier depth, but no sequencer configuration.
    ConfigCodec.write(w, config.rollup());
    ConfigCodec.write(w, config.l1());
    w.u8(config.mode().ordinal());
    w.u8(config.syncMode().ordinal());
    w.i64(config.verifierL1Confs());
    w.i64(99);
    InputEvent read = EventCodec.decode(EventCodec.NODE_STARTED, 2, new BinaryReader(w.toByteArray()));
    CoreConfig expected = new CoreConfig(config.rollup(), config.l1(), config.mode(), config.syncMode(), config.verifierL1Confs());
    assertEquals(new NodeStarted(expected, 99), read);
    assertEquals(dev.basalt.core.SequencerConfig.DEFAULTS, ((NodeStarted) read).config().sequencer());
  }

  @Test
  void nodeStartedOfTheThirdVersionReadsWithoutTheConductor() {
    CoreConfig config = ValueGenerators.coreConfig(new SimRng(11));
    dev.basalt.core.SequencerConfig s = config.sequencer();
    BinaryWriter w = new BinaryWriter();
    // Version 3 added the sequencer configuration, without the op-conductor switch.
    ConfigCodec.write(w, config.rollup());
    ConfigCodec.write(w, config.l1());
    w.u8(config.mode().ordinal());
    w.u8(config.syncMode().ordinal());
    w.i64(config.verifierL1Confs());
    w.i64(s.l1Confs()).i64(s.sealingDurationMillis()).i64(s.maxSafeLag());
    w.bool(s.recoverMode()).bool(s.startStopped()).bool(s.keepAdminState());
    w.i64(77);
    InputEvent read = EventCodec.decode(EventCodec.NODE_STARTED, 3, new BinaryReader(w.toByteArray()));
    CoreConfig expected = new CoreConfig(config.rollup(), config.l1(), config.mode(), config.syncMode(), config.verifierL1Confs(),
        s.withConductor(false));
    assertEquals(new NodeStarted(expected, 77), read);
  }

  @Test
  void gossipPayloadReceivedOfTheFirstVersionReadsWithoutAMessageId() {
    BinaryWriter w = new BinaryWriter();
    // Version 1 had no router message id.
    w.i64(1_700_000_000_123L).string("16Uiu2peer").i32(3).bytes(dev.basalt.core.types.Bytes.fromHex("0x0102"));
    InputEvent read = EventCodec.decode(EventCodec.GOSSIP_PAYLOAD_RECEIVED, 1, new BinaryReader(w.toByteArray()));
    assertEquals(new dev.basalt.core.event.GossipPayloadReceived(1_700_000_000_123L, "16Uiu2peer", 3,
        dev.basalt.core.types.Bytes.fromHex("0x0102"), dev.basalt.core.types.Bytes.EMPTY), read);
    assertEquals(2, EventCodec.version(read), "new journals write version 2");
  }

  private static boolean allReached(Map<Class<?>, Integer> counts, int types) {
    return counts.size() == types && counts.values().stream().allMatch(n -> n >= VALUES_PER_TYPE);
  }
}
