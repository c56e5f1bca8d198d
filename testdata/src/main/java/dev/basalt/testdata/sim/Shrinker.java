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
    return shrink(failing, FaultSchedule::size, FaultSchedule::without, s -> Simulation.run(options, s, SimNode.Listener.NONE))
        .map(s -> new Shrunk(s.schedule(), s.result(), s.runs()));
  }

  /** A shrunk duo schedule and the failure it still produces. */
  public record ShrunkDuo(DuoSchedule schedule, SimResult result, int runs) {}

  /** As {@link #shrink(Simulation.Options, FaultSchedule)} for a {@code --mode both} run. */
  public static Optional<ShrunkDuo> shrinkDuo(Simulation.Options options, DuoSchedule failing) {
    return shrink(failing, DuoSchedule::size, DuoSchedule::without, s -> DuoSimulation.run(options, s))
        .map(s -> new ShrunkDuo(s.schedule(), s.result(), s.runs()));
  }

  /** Drops faults {@code from} (inclusive) to {@code to} (exclusive) from a schedule. */
  private interface Without<S> {
    S without(S schedule, int from, int to);
  }

  private record Generic<S>(S schedule, SimResult result, int runs) {}

  private static <S> Optional<Generic<S>> shrink(S failing, java.util.function.ToIntFunction<S> size, Without<S> without,
      java.util.function.Function<S, SimResult> run) {
    SimResult first = run.apply(failing);
    if (first.passed()) {
      return Optional.empty();
    }
    S current = failing;
    SimResult result = first;
    int runs = 1;
    int chunk = Math.max(1, size.applyAsInt(current) / 2);
    while (chunk >= 1) {
      boolean removed = false;
      for (int from = 0; from < size.applyAsInt(current); ) {
        S candidate = without.without(current, from, Math.min(size.applyAsInt(current), from + chunk));
        SimResult r = run.apply(candidate);
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
    return Optional.of(new Generic<>(current, result, runs));
  }
}
