package dev.basalt.testdata.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.basalt.core.NodeMode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The duo schedule is each node's part of its own single-mode schedule: no draw of its own. */
class DuoFaultsTest {
  @Test
  void eachNodesFaultsAreItsSingleModeSchedulesEntriesOfTheClassesItMeets() {
    for (long seed = 1; seed <= 20; seed++) {
      Simulation.Options o = Simulation.Options.of(seed, 40);
      List<DuoFaults.Entry> duo = DuoFaults.schedule(o);
      List<ScheduledFault> seq = Simulation.schedule(o.withMode(NodeMode.SEQUENCER)).faults().stream()
          .filter(f -> f.step() > 0 && DuoFaults.SEQUENCER_FAULTS.contains(f.fault())).toList();
      List<ScheduledFault> val = Simulation.schedule(o.withMode(NodeMode.VALIDATOR)).faults().stream()
          .filter(f -> f.step() > 0 && DuoFaults.VALIDATOR_FAULTS.contains(f.fault())).toList();
      assertEquals(seq, duo.stream().filter(e -> e.role() == DuoFaults.Role.SEQUENCER).map(DuoFaults.Entry::fault).toList());
      assertEquals(val, duo.stream().filter(e -> e.role() == DuoFaults.Role.VALIDATOR).map(DuoFaults.Entry::fault).toList());
      List<DuoFaults.Entry> ordered = DuoSchedule.of(o).entries();
      assertEquals(duo.size(), ordered.size());
      for (int i = 1; i < ordered.size(); i++) {
        assertTrue(ordered.get(i - 1).fault().step() <= ordered.get(i).fault().step(), "in step order");
      }
      assertTrue(duo.stream().noneMatch(e -> e.role() == DuoFaults.Role.VALIDATOR && e.fault().fault() == FaultClass.L1_REORG),
          "reorgs come from the sequencer's schedule alone: the world has one L1");
    }
  }

  @Test
  void theWorldsPropertiesAreTheSequencerSchedulesStepZeroEntries() {
    int misbehaving = 0;
    int conducted = 0;
    for (long seed = 1; seed <= 20; seed++) {
      Simulation.Options o = Simulation.Options.of(seed, 40);
      List<ScheduledFault> expected = Simulation.schedule(o.withMode(NodeMode.SEQUENCER)).faults().stream()
          .filter(f -> f.step() == 0 && DuoFaults.WORLD_PROPERTIES.contains(f.fault())).toList();
      assertEquals(expected, DuoFaults.world(o).faults());
      misbehaving += (int) expected.stream().filter(f -> f.fault() == FaultClass.BATCHER_MISBEHAVIOUR).count();
      conducted += (int) expected.stream().filter(f -> f.fault() == FaultClass.CONDUCTOR).count();
      // The duo world's batcher is the sequencer-mode world's batcher of the seed: same chance of misbehaving.
      var duoBatcher = Simulation.worldConfig(o.withMode(NodeMode.SEQUENCER), DuoFaults.world(o)).batcher();
      var seqBatcher = Simulation.worldConfig(o.withMode(NodeMode.SEQUENCER), Simulation.schedule(o.withMode(NodeMode.SEQUENCER))).batcher();
      assertEquals(seqBatcher, duoBatcher);
    }
    assertTrue(misbehaving > 0 && misbehaving < 20, "some seeds' batchers misbehave, not all: " + misbehaving);
    assertTrue(conducted > 0 && conducted < 20, "some seeds' sequencers run under op-conductor, not all: " + conducted);
  }

  @Test
  void theDuoMeetsEveryFault() {
    for (FaultClass f : FaultClass.values()) {
      // GOSSIP_PEERS is not a fault: the sequencer node is the validator's honest peer. ENGINE_INVALID needs a batch
      // that differs from the block, and the duo's batches are the sequencer node's own blocks.
      assertEquals(f != FaultClass.GOSSIP_PEERS && f != FaultClass.ENGINE_INVALID, DuoSimulation.injects(f), f::name);
    }
    for (FaultClass f : List.of(FaultClass.GOSSIP_EQUIVOCATION, FaultClass.GOSSIP_EQUIVOCATING_CHAIN, FaultClass.GOSSIP_SIGNER_ROTATION)) {
      assertFalse(DuoFaults.SEQUENCER_FAULTS.contains(f), () -> f + " comes from the validator's schedule only");
      assertTrue(DuoFaults.VALIDATOR_FAULTS.contains(f), f::name);
    }
    for (FaultClass f : List.of(FaultClass.BATCHER_MISBEHAVIOUR, FaultClass.CONDUCTOR, FaultClass.L1_REORG, FaultClass.L1_FINALITY_LAG)) {
      assertFalse(DuoFaults.VALIDATOR_FAULTS.contains(f), () -> f + " comes from the sequencer's schedule only");
    }
  }
}
