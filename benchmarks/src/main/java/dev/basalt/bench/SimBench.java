package dev.basalt.bench;

import dev.basalt.testdata.sim.SimCost;
import dev.basalt.testdata.sim.SimResult;
import dev.basalt.testdata.sim.Simulation;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Deterministic simulation throughput: one seed of {@code events} events ({@code basalt sim} with
 * faults of the seed's swarm profile, invariants after every event, reference derivation at the
 * end) after a short warm-up seed. Reports events per second overall by the driving thread's CPU
 * time (wall time in brackets: on a shared machine it is the noisier figure), and by wall time for
 * the production core alone (time inside {@code Core.apply}) and for the simulated world and checks
 * alone (reading the CPU clock around every event would cost more than many events do).
 *
 * <p>The world keeps its whole history: a million events (some 35,000 L2 blocks) need about 1.6 GB,
 * more than {@code benchmarks/run}'s default heap, so run it as {@code BENCH_JAVA_OPTS=-Xmx3g
 * benchmarks/run sim} ({@code --quick}: 100,000 events fit the default). {@code -Dsim.events},
 * {@code -Dsim.seed} and {@code -Dsim.profile} (swarm, heavy, calm) choose the run, {@code
 * -Dsim.repeat} how many times it is measured.
 */
final class SimBench {
  /**
   * Events of the warm-up seed. At 20,000 the first measured million ran at two thirds of the speed
   * of the runs after it in the same JVM: C2 was still compiling the paths only faults reach.
   */
  private static final long WARM_UP_EVENTS = 200_000;

  private static final int WARM_UP_SEEDS = 5;

  private SimBench() {}

  static List<String> run(long events, long seed, String profile) {
    return run(events, seed, profile, Integer.getInteger("sim.repeat", 1));
  }

  /**
   * As above, the measured seed run {@code repeats} times in the same JVM: on this shared VM runs of
   * the same code differ by up to a third (JIT decisions, neighbours' cache and memory traffic), so
   * a figure worth quoting is the median of several, printed with the spread.
   */
  static List<String> run(long events, long seed, String profile, int repeats) {
    long warmUp = Long.getLong("sim.warmup", Math.min(events, WARM_UP_EVENTS));
    int warmUpSeeds = Integer.getInteger("sim.warmupSeeds", WARM_UP_SEEDS);
    for (int i = 1; i <= warmUpSeeds; i++) {
      Simulation.run(options(seed + i, profile, warmUp)); // other seeds first: JIT the core and the world
    }
    List<String> out = new ArrayList<>();
    List<Double> rates = new ArrayList<>();
    List<Double> wallRates = new ArrayList<>();
    for (int i = 0; i < Math.max(1, repeats); i++) {
      System.gc();
      SimResult r = Simulation.run(options(seed, profile, events));
      SimCost c = r.cost();
      String what = String.format(Locale.ROOT, "sim: seed %d (%s), %,d events", seed, profile, r.events());
      out.add(String.format(Locale.ROOT, "%-44s %s in %d steps, %.1f s CPU, %.1f s wall", what, r.passed() ? "passed" : "FAILED",
          r.steps(), c.cpuNanos() / 1e9, c.wallNanos() / 1e9));
      out.add(line("sim: events/s, total", r.events(), c.cpuNanos(), c.wallNanos()));
      out.add(String.format(Locale.ROOT, "%-44s %,.0f by wall time (%.2f µs per event)", "sim: events/s, core only (Core.apply)",
          SimCost.perSecond(r.events(), c.coreWallNanos()), c.coreWallNanos() / 1e3 / r.events()));
      out.add(String.format(Locale.ROOT, "%-44s %,.0f by wall time (%.2f µs per event)", "sim: events/s, world and checks only",
          SimCost.perSecond(r.events(), c.worldWallNanos()), c.worldWallNanos() / 1e3 / r.events()));
      r.failure().ifPresent(f -> out.add("sim: FAILURE " + f));
      rates.add(SimCost.perSecond(r.events(), c.cpuNanos()));
      wallRates.add(SimCost.perSecond(r.events(), c.wallNanos()));
    }
    if (rates.size() > 1) {
      out.add(String.format(Locale.ROOT, "%-44s median %,.0f by CPU time (min %,.0f, max %,.0f); median %,.0f by wall time",
          "sim: events/s over " + rates.size() + " runs", median(rates), min(rates), max(rates), median(wallRates)));
    }
    out.add(String.format(Locale.ROOT, "%-44s %s", "sim: peak RSS", CatchUpBench.peakRss()));
    return out;
  }

  private static double median(List<Double> xs) {
    List<Double> sorted = xs.stream().sorted().toList();
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }

  private static double min(List<Double> xs) {
    return xs.stream().mapToDouble(Double::doubleValue).min().orElse(0);
  }

  private static double max(List<Double> xs) {
    return xs.stream().mapToDouble(Double::doubleValue).max().orElse(0);
  }

  private static Simulation.Options options(long seed, String profile, long events) {
    return Simulation.Options.of(seed, Simulation.Options.stepsFor(events)).withProfile(profile).withMaxEvents(events);
  }

  private static String line(String label, long events, long cpuNanos, long wallNanos) {
    return String.format(Locale.ROOT, "%-44s %,.0f by CPU time (%,.0f by wall time)", label, SimCost.perSecond(events, cpuNanos),
        SimCost.perSecond(events, wallNanos));
  }
}
