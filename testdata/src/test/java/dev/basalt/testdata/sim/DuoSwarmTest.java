package dev.basalt.testdata.sim;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The CI swarm of {@code --mode both}: one world, Basalt sequencing it and Basalt validating from
 * its gossip, short runs with the duo's faults (reorgs, crashes of either node, the validator's
 * hostile gossip) that must reach every class the duo injects and every required duo mark; any
 * failing seed or unreached path fails the build. A longer one: {@code ./basalt sim --swarm 100
 * --ticks 40 --mode both}.
 */
@Tag("slow")
class DuoSwarmTest {
  @Test
  void aSwarmOfDuoSeedsReachesEveryFaultOfBothNodesAndSurvivesIt() {
    Swarm.Summary summary = Swarm.runDuo(1_000, Integer.getInteger("basalt.swarm.seeds", 30), Simulation.Options.of(0, 40));
    String verdict = SwarmVerdict.of(summary);
    System.out.println(verdict);
    assertTrue(summary.passed(), verdict);
  }
}
