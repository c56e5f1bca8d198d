package dev.basalt.testdata.sim;

import java.util.Optional;

/**
 * Delta debugging of a failing fault schedule: drop chunks of faults (halves, then quarters, ...)
 * while the run still fails, until no single fault can be removed. The world is the seed's, so a
 * shorter schedule is a smaller explanation of the same failure.
 */
public final class Shrinker {
  private Shrinker() {}

  /** The shrunk schedule and the failure it still produces. */
  public record Shrunk(FaultSchedule schedule, SimResult result, int runs) {}

  public static Optional<Shrunk> shrink(Simulation.Options options, FaultSchedule failing) {
    SimResult first = Simulation.run(options, failing, (e, out, core) -> {});
    if (first.passed()) {
      return Optional.empty();
    }
    FaultSchedule current = failing;
    SimResult result = first;
    int runs = 1;
    int chunk = Math.max(1, current.size() / 2);
    while (chunk >= 1) {
      boolean removed = false;
      for (int from = 0; from < current.size(); ) {
        FaultSchedule candidate = current.without(from, Math.min(current.size(), from + chunk));
        SimResult r = Simulation.run(options, candidate, (e, out, core) -> {});
        runs++;
        if (!r.passed()) {
          current = candidate;
          result = r;
          removed = true;
        } else {
          from += chunk;
        }
      }
      if (!removed) {
        chunk /= 2;
      }
    }
    return Optional.of(new Shrunk(current, result, runs));
  }
}
