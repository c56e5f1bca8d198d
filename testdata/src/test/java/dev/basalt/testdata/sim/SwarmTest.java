package dev.basalt.testdata.sim;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The CI swarm: enough seeds, each a short run with faults, to reach every fault class and every
 * required recovery mark; any failing seed or unreached path fails the build. A longer swarm is
 * one command away: {@code ./basalt sim --swarm 1000 --ticks 120}.
 */
@Tag("slow")
class SwarmTest {
  @Test
  void aSwarmOfSeedsReachesEveryFaultAndSurvivesIt() {
    Swarm.Summary summary = Swarm.run(1_000, Integer.getInteger("basalt.swarm.seeds", 120), Simulation.Options.of(0, 40));
    String verdict = SwarmVerdict.of(summary);
    System.out.println(verdict);
    assertTrue(summary.passed(), verdict);
  }
}
