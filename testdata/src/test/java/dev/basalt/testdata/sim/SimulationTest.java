package dev.basalt.testdata.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.basalt.core.NodeMode;
import org.junit.jupiter.api.Test;

class SimulationTest {
  @Test
  void aCalmRunConvergesOnTheReference() {
    SimResult r = Simulation.run(Simulation.Options.of(1, 80).withProfile("calm"));
    assertTrue(r.passed(), () -> "calm run failed: " + r.failure());
    assertTrue(r.finalStatus().safeL2().number() > 300, () -> "derived a real chain: " + r.finalStatus());
  }

  @Test
  void swarmSeedsSurviveTheirFaults() {
    for (long seed = 1; seed <= 6; seed++) {
      SimResult r = Simulation.run(Simulation.Options.of(seed, 80));
      System.out.println("seed " + seed + ": events " + r.events() + " injected " + r.injected() + " marks " + r.marks()
          + " failure " + r.failure());
      long s = seed;
      assertTrue(r.passed(), () -> "seed " + s + " failed: " + r.failure().orElseThrow());
    }
  }

  @Test
  void aCalmSequencerRunSealsEveryBlockThatBecomesSafe() {
    SimResult r = Simulation.run(Simulation.Options.of(1, 40).withProfile("calm").withMode(NodeMode.SEQUENCER));
    assertTrue(r.passed(), () -> "calm sequencer run failed: " + r.failure());
    // 40 steps of 12 s at one block per 2 s slot, derived back from the batches.
    assertTrue(r.finalStatus().unsafeL2().number() >= 240, () -> "sequenced a real chain: " + r.finalStatus());
    assertTrue(r.finalStatus().safeL2().number() >= 200, () -> "its blocks came back safe: " + r.finalStatus());
    assertTrue(r.marks().containsKey("sequencer origin advanced"), () -> "marks: " + r.marks());
  }

  @Test
  void sequencerSeedsSurviveTheirFaultsIncludingTheConductors() {
    boolean conducted = false;
    for (long seed = 1; seed <= 6; seed++) {
      SimResult r = Simulation.run(Simulation.Options.of(seed, 40).withMode(NodeMode.SEQUENCER));
      long s = seed;
      assertTrue(r.passed(), () -> "sequencer seed " + s + " failed: " + r.failure().orElseThrow());
      conducted |= r.injected().containsKey(FaultClass.CONDUCTOR);
    }
    assertTrue(conducted, "some seed ran under op-conductor");
  }

  @Test
  void aValidatorScheduleNeverDrawsConductorFaults() {
    for (long seed = 1; seed <= 20; seed++) {
      FaultSchedule s = Simulation.schedule(Simulation.Options.of(seed, 80).withProfile("heavy"));
      assertTrue(s.faults().stream().noneMatch(f -> f.fault() == FaultClass.CONDUCTOR), () -> "validator schedule: " + s);
    }
  }

  @Test
  void oneSequencerSeedIsOneRun() {
    Simulation.Options o = Simulation.Options.of(4, 30).withProfile("heavy").withMode(NodeMode.SEQUENCER);
    assertEquals(Simulation.run(o), Simulation.run(o));
  }

  @Test
  void oneSeedIsOneRun() {
    SimResult a = Simulation.run(Simulation.Options.of(3, 60).withProfile("heavy"));
    SimResult b = Simulation.run(Simulation.Options.of(3, 60).withProfile("heavy"));
    assertEquals(a, b);
  }
}
