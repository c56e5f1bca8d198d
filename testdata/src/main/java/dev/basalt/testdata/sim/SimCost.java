package dev.basalt.testdata.sim;

import java.util.Locale;

/**
 * What a simulated run cost: the driving thread's CPU time and wall time overall, and the wall
 * time spent inside the production core ({@code Core.apply}); the rest ("world") is the simulated
 * world, the invariant checks and the reference derivation. The core/world split is by wall time
 * because reading the thread's CPU clock around every event would cost more than many events do;
 * on an otherwise idle core the two clocks agree. A zero CPU time means the JVM cannot measure it.
 */
public record SimCost(long wallNanos, long cpuNanos, long coreWallNanos) {
  public static final SimCost NONE = new SimCost(0, 0, 0);

  public long worldWallNanos() {
    return Math.max(0, wallNanos - coreWallNanos);
  }

  public SimCost plus(SimCost o) {
    return new SimCost(wallNanos + o.wallNanos, cpuNanos + o.cpuNanos, coreWallNanos + o.coreWallNanos);
  }

  /** Events per second over {@code nanos}, 0 when nothing was measured. */
  public static double perSecond(long events, long nanos) {
    return nanos <= 0 ? 0 : events * 1e9 / nanos;
  }

  /**
   * One line: events/s overall by CPU and by wall time, then by wall time for the core and the
   * world alone (what the rate would be if the other part cost nothing).
   */
  public String describe(long events) {
    return String.format(Locale.ROOT,
        "events/s: total %,.0f by CPU time (%,.0f by wall time); by wall time, core only %,.0f, world only %,.0f; "
            + "CPU %.2f s, wall %.2f s = core %.2f s + world %.2f s",
        perSecond(events, cpuNanos), perSecond(events, wallNanos), perSecond(events, coreWallNanos),
        perSecond(events, worldWallNanos()), cpuNanos / 1e9, wallNanos / 1e9, coreWallNanos / 1e9, worldWallNanos() / 1e9);
  }
}
