package dev.basalt.testdata.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
  void oneSeedIsOneRun() {
    SimResult a = Simulation.run(Simulation.Options.of(3, 60).withProfile("heavy"));
    SimResult b = Simulation.run(Simulation.Options.of(3, 60).withProfile("heavy"));
    assertEquals(a, b);
  }
}
