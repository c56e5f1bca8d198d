package dev.basalt.testdata.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.basalt.core.NodeMode;
import dev.basalt.testdata.gen.SimRng;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link FaultSchedule#draw} against the per-step, per-class loop it replaced (the same draws in the same order). */
class FaultScheduleTest {
  private static final EnumSet<FaultClass> DRAWN_ALONE = EnumSet.of(FaultClass.L1_FINALITY_LAG, FaultClass.ENGINE_INVALID);

  /** The draw as first written: every class tested at every step. */
  private static FaultSchedule slowDraw(SwarmProfile profile, int steps, SimRng rng) {
    List<ScheduledFault> out = new ArrayList<>();
    SimRng gossipRng = rng.fork("gossip");
    SimRng rotationRng = rng.fork("signer-rotation");
    SimRng chainRng = rng.fork("equivocating-chain");
    SimRng finalityRng = rng.fork("finality-lag");
    SimRng invalidRng = rng.fork("engine-invalid");
    for (int step = 1; step < steps; step++) {
      for (FaultClass f : FaultClass.values()) {
        if (!profile.perMille().containsKey(f) || f.gossip() || DRAWN_ALONE.contains(f)) {
          continue;
        }
        if (f != FaultClass.BATCHER_MISBEHAVIOUR && rng.nextInt(1000) < profile.rate(f)) {
          out.add(new ScheduledFault(step, f, FaultSchedule.size(f, rng)));
        }
      }
    }
    if (profile.rate(FaultClass.GOSSIP_PEERS) > 0) {
      out.add(new ScheduledFault(0, FaultClass.GOSSIP_PEERS, FaultSchedule.size(FaultClass.GOSSIP_PEERS, gossipRng)));
    }
    for (int step = 1; step < steps; step++) {
      for (FaultClass f : FaultClass.values()) {
        if (f.gossip() && f != FaultClass.GOSSIP_PEERS && f != FaultClass.GOSSIP_SIGNER_ROTATION && f != FaultClass.GOSSIP_EQUIVOCATING_CHAIN
            && profile.perMille().containsKey(f) && gossipRng.nextInt(1000) < profile.rate(f)) {
          out.add(new ScheduledFault(step, f, FaultSchedule.size(f, gossipRng)));
        }
      }
    }
    alone(FaultClass.GOSSIP_EQUIVOCATING_CHAIN, 1000, profile, steps, chainRng, out);
    alone(FaultClass.GOSSIP_SIGNER_ROTATION, 5_000, profile, steps, rotationRng, out);
    alone(FaultClass.L1_FINALITY_LAG, 2_000, profile, steps, finalityRng, out);
    alone(FaultClass.ENGINE_INVALID, 2_000, profile, steps, invalidRng, out);
    if (profile.rate(FaultClass.BATCHER_MISBEHAVIOUR) > 0) {
      out.add(new ScheduledFault(0, FaultClass.BATCHER_MISBEHAVIOUR, Math.max(1, profile.rate(FaultClass.BATCHER_MISBEHAVIOUR) / 4)));
    }
    if (profile.rate(FaultClass.CONDUCTOR) > 0) {
      out.add(new ScheduledFault(0, FaultClass.CONDUCTOR, 1));
    }
    return new FaultSchedule(out);
  }

  private static void alone(FaultClass f, int outOf, SwarmProfile profile, int steps, SimRng rng, List<ScheduledFault> out) {
    if (!profile.perMille().containsKey(f)) {
      return;
    }
    for (int step = 1; step < steps; step++) {
      if (rng.nextInt(outOf) < profile.rate(f)) {
        out.add(new ScheduledFault(step, f, FaultSchedule.size(f, rng)));
      }
    }
  }

  @Test
  void drawsWhatThePerStepLoopOverEveryClassDrew() {
    int faults = 0;
    for (String name : List.of("swarm", "heavy", "calm")) {
      for (NodeMode mode : NodeMode.values()) {
        for (long seed = 1; seed <= 25; seed++) {
          SimRng rng = new SimRng(seed).fork("faults");
          SwarmProfile profile = SwarmProfile.of(name, rng.fork("profile"), mode);
          FaultSchedule expected = slowDraw(profile, 400, rng.fork("schedule"));
          assertEquals(expected, FaultSchedule.draw(profile, 400, rng.fork("schedule")), name + " " + mode + " seed " + seed);
          faults += expected.size();
        }
      }
    }
    assertTrue(faults > 10_000, "the schedules hold faults: " + faults);
  }
}
