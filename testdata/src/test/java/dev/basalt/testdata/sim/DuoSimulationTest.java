package dev.basalt.testdata.sim;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** One world with Basalt as its sequencer and Basalt as a validator fed by the sequencer's gossip. */
class DuoSimulationTest {
  @Test
  void theValidatorFollowsTheSequencersGossipAndDerivesTheSameChain() {
    for (long seed = 1; seed <= 3; seed++) {
      SimResult r = DuoSimulation.run(Simulation.Options.of(seed, 30));
      long s = seed;
      assertTrue(r.passed(), () -> "seed " + s + ": " + r.failure().orElseThrow() + " marks " + r.marks());
      for (String mark : List.of("validator followed the sequencer's gossip", "gossip: true block accepted",
          "unsafe head ahead of safe from gossip", "sequencer origin advanced")) {
        assertTrue(r.marks().containsKey(mark), () -> "seed " + s + ": " + mark + " missing: " + r.marks());
      }
      assertTrue(r.finalStatus().safeL2().number() > 100, () -> "derived a real chain: " + r.finalStatus());
    }
  }
}
