package dev.basalt.testdata.sim;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;

/**
 * Many seeds, one summary: events, faults injected by class, coverage marks hit, failures. A swarm
 * fails when any seed fails or when some fault class or required mark was never reached (a path
 * nobody tested is not a passed test).
 */
public final class Swarm {
  private Swarm() {}

  /**
   * What a swarm found; {@code template} and {@code duo} say how each seed ran, so that every failure
   * comes with the command that reproduces it.
   */
  public record Summary(List<SimResult> results, EnumMap<FaultClass, Integer> injected, TreeMap<String, Integer> marks,
      List<String> unreached, long events, long nanos, SimCost cost, Simulation.Options template, boolean duo) {
    public List<SimResult> failures() {
      return results.stream().filter(r -> !r.passed()).toList();
    }

    public boolean passed() {
      return failures().isEmpty() && unreached.isEmpty();
    }

    /** One line per failing seed: the command that runs it again, with {@code commit} (the build's) beside it. */
    public List<String> reproductions(String commit) {
      return failures().stream()
          .map(r -> "reproduce: " + template.withSeed(r.seed()).commandLine(duo) + "   (commit " + commit + ")").toList();
    }

    public List<String> table() {
      List<String> out = new ArrayList<>();
      out.add(String.format(Locale.ROOT, "seeds %d, events %,d in %.1f s (%,.0f events/s), failures %d", results.size(), events,
          nanos / 1e9, events * 1e9 / Math.max(1, nanos), failures().size()));
      out.add(cost.describe(events));
      out.add("faults injected by class:");
      for (FaultClass f : FaultClass.values()) {
        out.add(String.format(Locale.ROOT, "  %-22s %,8d", f, injected.getOrDefault(f, 0)));
      }
      out.add("coverage marks:");
      marks.forEach((k, v) -> out.add(String.format(Locale.ROOT, "  %-44s %,8d", k, v)));
      unreached.forEach(u -> out.add("NOT REACHED: " + u));
      for (SimResult r : failures()) {
        out.add("FAILED seed " + r.seed() + ": " + r.failure().orElseThrow());
      }
      return out;
    }
  }

  public static Summary run(long firstSeed, int seeds, Simulation.Options template) {
    return run(firstSeed, seeds, template, false, Simulation::run, f -> f.appliesTo(template.mode()), Coverage.required(template.mode()));
  }

  /** K seeds of {@link DuoSimulation}: one world, a sequencer node and a validator node it gossips to. */
  public static Summary runDuo(long firstSeed, int seeds, Simulation.Options template) {
    return run(firstSeed, seeds, template, true, DuoSimulation::run, DuoSimulation::injects, DuoSimulation.REQUIRED);
  }

  private static Summary run(long firstSeed, int seeds, Simulation.Options template, boolean duo,
      java.util.function.Function<Simulation.Options, SimResult> runner, java.util.function.Predicate<FaultClass> applies,
      String[] required) {
    List<SimResult> results = new ArrayList<>();
    EnumMap<FaultClass, Integer> injected = new EnumMap<>(FaultClass.class);
    TreeMap<String, Integer> marks = new TreeMap<>();
    long events = 0;
    SimCost cost = SimCost.NONE;
    long t0 = System.nanoTime();
    for (long seed = firstSeed; seed < firstSeed + seeds; seed++) {
      Simulation.Options o = template.withSeed(seed);
      SimResult r = runner.apply(o);
      results.add(r);
      events += r.events();
      cost = cost.plus(r.cost());
      r.injected().forEach((k, v) -> injected.merge(k, v, Integer::sum));
      r.marks().forEach((k, v) -> marks.merge(k, v, Integer::sum));
    }
    List<String> unreached = new ArrayList<>();
    for (FaultClass f : FaultClass.values()) {
      if (applies.test(f) && injected.getOrDefault(f, 0) == 0) {
        unreached.add("fault class " + f);
      }
    }
    for (String mark : required) {
      if (!marks.containsKey(mark)) {
        unreached.add("mark '" + mark + "'");
      }
    }
    return new Summary(results, injected, marks, unreached, events, System.nanoTime() - t0, cost, template, duo);
  }
}
