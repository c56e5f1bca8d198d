package dev.basalt.testdata.sim;

import java.util.Locale;

/**
 * What a simulated run cost, split between the production core (time inside {@code Core.apply})
 * and everything else on the driving thread: the simulated world, the invariant checks and the
 * reference derivation ("world"). CPU times are the driving thread's own (so other processes on a
 * shared machine do not inflate them); wall times are as measured. Zero CPU times mean the JVM
 * cannot measure thread CPU time.
 */
public record SimCost(long wallNanos, long cpuNanos, long coreWallNanos, long coreCpuNanos) {
  public static final SimCost NONE = new SimCost(0, 0, 0, 0);

  public long worldWallNanos() {
    return Math.max(0, wallNanos - coreWallNanos);
  }

  public long worldCpuNanos() {
    return Math.max(0, cpuNanos - coreCpuNanos);
  }

  public SimCost plus(SimCost o) {
    return new SimCost(wallNanos + o.wallNanos, cpuNanos + o.cpuNanos, coreWallNanos + o.coreWallNanos, coreCpuNanos + o.coreCpuNanos);
  }

  /** Events per second over {@code nanos}, 0 when nothing was measured. */
  public static double perSecond(long events, long nanos) {
    return nanos <= 0 ? 0 : events * 1e9 / nanos;
  }

  /**
   * One line: events/s overall and for the core and the world alone (what the rate would be if
   * the other part cost nothing), CPU time first, wall time in brackets.
   */
  public String describe(long events) {
    return String.format(Locale.ROOT,
        "events/s by CPU time: total %,.0f, core only %,.0f, world only %,.0f (wall: %,.0f, %,.0f, %,.0f); "
            + "CPU %.2f s = core %.2f s + world %.2f s",
        perSecond(events, cpuNanos), perSecond(events, coreCpuNanos), perSecond(events, worldCpuNanos()),
        perSecond(events, wallNanos), perSecond(events, coreWallNanos), perSecond(events, worldWallNanos()),
        cpuNanos / 1e9, coreCpuNanos / 1e9, worldCpuNanos() / 1e9);
  }
}
