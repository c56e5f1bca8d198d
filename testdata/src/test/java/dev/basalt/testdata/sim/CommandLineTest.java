package dev.basalt.testdata.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.basalt.core.NodeMode;
import org.junit.jupiter.api.Test;

/** The reproduction line a failure prints names every option the seed ran with that the CLI takes. */
class CommandLineTest {
  @Test
  void eachModeGetsItsFlags() {
    Simulation.Options o = Simulation.Options.of(42, 40);
    assertEquals("./basalt sim --seed 42 --ticks 40 --profile swarm", o.commandLine(false));
    assertEquals("./basalt sim --seed 42 --ticks 40 --profile heavy --mode sequencer --events 5000",
        o.withProfile("heavy").withMode(NodeMode.SEQUENCER).withMaxEvents(5_000).commandLine(false));
    assertEquals("./basalt sim --mode both --seed 7 --ticks 40 --profile swarm", o.withSeed(7).commandLine(true));
  }

  @Test
  // The tests run in a git checkout (CI runs them on a clean clone), so the commit must be found
  void aCommitIsReadFromGit() {
    String commit = SwarmVerdict.commit();
    assertTrue(commit.matches("[0-9a-f]{7,40}"), commit);
  }
}
