package dev.basalt.testdata.sim;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ShrinkerTest {
  @Test
  void aPassingScheduleHasNothingToShrink() {
    Simulation.Options o = Simulation.Options.of(5, 20).withProfile("calm");
    assertTrue(Shrinker.shrink(o, Simulation.schedule(o)).isEmpty());
  }

  @Test
  void aFailingScheduleShrinksToAOneMinimalOne() {
    // A tiny livelock bound turns any burst of work (a clock jump's catch-up, a reset's re-sync)
    // into a failure: a real failing run to shrink without planting a bug in the core.
    Simulation.Options o = new Simulation.Options(6, 20, Long.MAX_VALUE, "heavy", 5, 50, dev.basalt.core.NodeMode.VALIDATOR);
    FaultSchedule original = Simulation.schedule(o);
    var shrunk = Shrinker.shrink(o, original).orElseThrow();
    assertFalse(shrunk.result().passed());
    assertTrue(shrunk.schedule().size() < original.size(), "shrunk from " + original.size() + " to " + shrunk.schedule().size());
    for (int i = 0; i < shrunk.schedule().size(); i++) {
      SimResult without = Simulation.run(o, shrunk.schedule().without(i, i + 1), (e, out, core) -> {});
      int dropped = i;
      assertTrue(without.passed(), () -> "fault " + shrunk.schedule().faults().get(dropped) + " was not needed");
    }
  }
}
