package dev.basalt.testdata.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.basalt.core.NodeMode;
import dev.basalt.core.command.Command;
import dev.basalt.core.event.EngineResponseReceived;
import dev.basalt.core.event.InputEvent;
import dev.basalt.core.engine.EngineResponse;
import dev.basalt.core.engine.ExecutionStatus;
import dev.basalt.testdata.gen.SimRng;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The two fault classes added last: L1 finality that lags and then jumps, and payloads the engine rejects. */
class FinalityLagAndInvalidPayloadTest {
  private static final EnumSet<FaultClass> ADDED = EnumSet.of(FaultClass.L1_FINALITY_LAG, FaultClass.ENGINE_INVALID);

  private static FaultSchedule schedule(String... lines) {
    return FaultSchedule.parse(lines);
  }

  @Test
  // Checks that the new classes draw from streams of their own: a seed's schedule without them is the schedule a
  // profile lacking them draws, in both modes, so every earlier seed keeps its faults
  void theNewDrawsLeaveEveryOtherClassAsItWas() {
    for (NodeMode mode : List.of(NodeMode.VALIDATOR, NodeMode.SEQUENCER)) {
      for (long seed = 1; seed <= 30; seed++) {
        Simulation.Options o = Simulation.Options.of(seed, 60).withMode(mode);
        SimRng rng = new SimRng(seed).fork("faults");
        SwarmProfile profile = SwarmProfile.of("swarm", rng.fork("profile"), mode);
        TreeMap<FaultClass, Integer> without = new TreeMap<>(profile.perMille());
        ADDED.forEach(without::remove);
        FaultSchedule old = FaultSchedule.draw(new SwarmProfile("swarm", without), 60, rng.fork("schedule"));
        List<ScheduledFault> drawn = Simulation.schedule(o).faults().stream().filter(f -> !ADDED.contains(f.fault())).toList();
        assertEquals(old.faults(), drawn, mode + " seed " + seed);
      }
    }
  }

  @Test
  void aSequencerScheduleNeverRejectsPayloadsButMayLagFinality() {
    boolean lagged = false;
    for (long seed = 1; seed <= 40; seed++) {
      FaultSchedule s = Simulation.schedule(Simulation.Options.of(seed, 80).withProfile("heavy").withMode(NodeMode.SEQUENCER));
      assertTrue(s.faults().stream().noneMatch(f -> f.fault() == FaultClass.ENGINE_INVALID), () -> "sequencer schedule: " + s);
      lagged |= s.faults().stream().anyMatch(f -> f.fault() == FaultClass.L1_FINALITY_LAG);
    }
    assertTrue(lagged, "some heavy sequencer schedule lags finality");
  }

  /**
   * What the node saw of L1 finality over a run: the longest its L1 head moved on under one finalized
   * block once finality had left genesis, and the biggest jump.
   */
  private record FinalitySeen(SimResult result, long longestLag, long biggestJump) {}

  private static FinalitySeen watchFinality(Simulation.Options o, FaultSchedule schedule) {
    long[] seen = {0, 0, -1, -1, -1}; // longest lag, biggest jump, finalized L1, L1 head when it last moved, finalized L2
    SimResult r = Simulation.run(o, schedule, (e, out, core) -> {
      var s = core.syncStatus();
      long finalizedL1 = s.finalizedL1().number();
      long finalizedL2 = s.finalizedL2().number();
      assertTrue(finalizedL2 >= seen[4], "finalized L2 went back: " + seen[4] + " -> " + finalizedL2);
      if (finalizedL1 != seen[2]) {
        seen[1] = Math.max(seen[1], seen[2] < 0 ? 0 : finalizedL1 - seen[2]);
        seen[2] = finalizedL1;
        seen[3] = s.headL1().number();
      }
      if (finalizedL1 > 0) { // from genesis until L1 is deep enough, finality stands still anyway
        seen[0] = Math.max(seen[0], s.headL1().number() - seen[3]);
      }
      seen[4] = finalizedL2;
    });
    return new FinalitySeen(r, seen[0], seen[1]);
  }

  @Test
  // Checks that while L1 finality is held the node sees its L1 head move on under one finalized L1 block for longer
  // than in the same run without the lag, that its finalized L2 head never goes back, that finality then jumps, and
  // that the finalized head ends where the run without the lag leaves it
  void whileL1FinalityLagsTheFinalizedHeadStandsStillThenMovesOn() {
    Simulation.Options o = Simulation.Options.of(5, 40).withProfile("calm");
    FinalitySeen calm = watchFinality(o, schedule());
    FinalitySeen lagged = watchFinality(o, schedule("20 L1_FINALITY_LAG 12"));
    SimResult r = lagged.result();
    assertTrue(r.passed(), () -> "failed: " + r.failure());
    assertTrue(r.injected().containsKey(FaultClass.L1_FINALITY_LAG), () -> "injected: " + r.injected());
    assertTrue(lagged.longestLag() >= calm.longestLag() + 8,
        "L1 head moved on " + lagged.longestLag() + " blocks under one finalized block, " + calm.longestLag() + " without the lag");
    assertTrue(lagged.biggestJump() >= 8, "finality jumped by " + lagged.biggestJump() + " blocks at most");
    assertTrue(calm.biggestJump() < 8, "without the lag finality moves block by block: " + calm.biggestJump());
    assertTrue(r.marks().containsKey("L1 finality jumped after lagging"), () -> "marks: " + r.marks());
    assertTrue(r.marks().containsKey("finalized head moved on after L1 finality lagged then jumped"), () -> "marks: " + r.marks());
    assertEquals(calm.result().finalStatus().finalizedL2(), r.finalStatus().finalizedL2(),
        "after the jump the finalized head is where it would have been");
  }

  @Test
  // Checks that a batch carrying a transaction the engine rejects is answered INVALID once derivation reaches it,
  // that the node replaces the payload by its deposits-only block (the true block) and converges, and that before
  // L1's finalized block is past Holocene the fault is not injected at all
  void anInvalidPayloadIsReplacedByTheTrueDepositsOnlyBlock() {
    Simulation.Options o = Simulation.Options.of(9, 40).withProfile("calm");
    List<ExecutionStatus> statuses = new ArrayList<>();
    SimResult r = Simulation.run(o, schedule("30 ENGINE_INVALID 3"), (InputEvent e, List<Command> out, dev.basalt.core.Core core) -> {
      if (e instanceof EngineResponseReceived er && er.response() instanceof EngineResponse.NewPayloadResult n) {
        statuses.add(n.status().status());
      }
    });
    assertTrue(r.passed(), () -> "failed: " + r.failure());
    assertTrue(r.injected().containsKey(FaultClass.ENGINE_INVALID), () -> "injected: " + r.injected());
    assertTrue(statuses.contains(ExecutionStatus.INVALID), "the engine rejected the poisoned payload");
    assertTrue(r.marks().containsKey("INVALID payload replaced by its deposits-only block"), () -> "marks: " + r.marks());

    // At step 20 Holocene is active by L2 time (it activates at 168 s in this world) but not at L1's finalized block.
    SimResult early = Simulation.run(o, schedule("3 ENGINE_INVALID 3", "20 ENGINE_INVALID 3"), (e, out, core) -> {});
    assertTrue(early.passed(), () -> "failed: " + early.failure());
    assertFalse(early.injected().containsKey(FaultClass.ENGINE_INVALID), "before Holocene nothing is poisoned: " + early.injected());
  }
}
