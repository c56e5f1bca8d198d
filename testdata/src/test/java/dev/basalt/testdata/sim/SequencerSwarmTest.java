package dev.basalt.testdata.sim;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.basalt.core.NodeMode;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The CI swarm with Basalt as the sequencer: short runs with faults, op-conductor's included, that
 * must reach every fault class and every required sequencer mark; any failing seed or unreached
 * path fails the build. A longer one: {@code ./basalt sim --swarm 1000 --ticks 80 --mode sequencer}.
 */
@Tag("slow")
class SequencerSwarmTest {
  @Test
  void aSwarmOfSequencingSeedsReachesEveryFaultAndSurvivesIt() {
    Swarm.Summary summary = Swarm.run(1_000, Integer.getInteger("basalt.swarm.seeds", 50),
        Simulation.Options.of(0, 40).withMode(NodeMode.SEQUENCER));
    String verdict = SwarmVerdict.of(summary);
    System.out.println(verdict);
    assertTrue(summary.passed(), verdict);
  }
}
