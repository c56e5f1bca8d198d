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
 * {@code -Dsim.seed} and {@code -Dsim.profile} (swarm, heavy, calm) choose the run.
 */
final class SimBench {
  /** Calm and swarm seeds apply some 30 to 60 events per L1 block time: this many steps is plenty. */
  private static final int EVENTS_PER_STEP_AT_LEAST = 10;

  private SimBench() {}

  static List<String> run(long events, long seed, String profile) {
    Simulation.run(options(seed + 1, profile, Math.min(events, 20_000))); // warm-up: JIT the core and the world
    System.gc();
    SimResult r = Simulation.run(options(seed, profile, events));
    SimCost c = r.cost();
    List<String> out = new ArrayList<>();
    String what = String.format(Locale.ROOT, "sim: seed %d (%s), %,d events", seed, profile, r.events());
    out.add(String.format(Locale.ROOT, "%-44s %s in %d steps, %.1f s CPU, %.1f s wall", what, r.passed() ? "passed" : "FAILED",
        r.steps(), c.cpuNanos() / 1e9, c.wallNanos() / 1e9));
    out.add(line("sim: events/s, total", r.events(), c.cpuNanos(), c.wallNanos()));
    out.add(String.format(Locale.ROOT, "%-44s %,.0f by wall time (%.2f µs per event)", "sim: events/s, core only (Core.apply)",
        SimCost.perSecond(r.events(), c.coreWallNanos()), c.coreWallNanos() / 1e3 / r.events()));
    out.add(String.format(Locale.ROOT, "%-44s %,.0f by wall time (%.2f µs per event)", "sim: events/s, world and checks only",
        SimCost.perSecond(r.events(), c.worldWallNanos()), c.worldWallNanos() / 1e3 / r.events()));
    out.add(String.format(Locale.ROOT, "%-44s %s", "sim: peak RSS", CatchUpBench.peakRss()));
    r.failure().ifPresent(f -> out.add("sim: FAILURE " + f));
    return out;
  }

  private static Simulation.Options options(long seed, String profile, long events) {
    int steps = (int) Math.min(Integer.MAX_VALUE, Math.max(100, events / EVENTS_PER_STEP_AT_LEAST));
    return Simulation.Options.of(seed, steps).withProfile(profile).withMaxEvents(events);
  }

  private static String line(String label, long events, long cpuNanos, long wallNanos) {
    return String.format(Locale.ROOT, "%-44s %,.0f by CPU time (%,.0f by wall time)", label, SimCost.perSecond(events, cpuNanos),
        SimCost.perSecond(events, wallNanos));
  }
}
