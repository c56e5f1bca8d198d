package dev.basalt.adapters.clock;

import dev.basalt.adapters.ring.EventSink;
import dev.basalt.core.command.ScheduleWakeup;
import dev.basalt.core.event.ClockTicked;
import dev.basalt.core.event.WakeupFired;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/** Publishes {@code ClockTicked} every {@code tickIntervalMillis} and fires requested wakeups. */
public final class ClockAdapter implements AutoCloseable {
  private final EventSink sink;
  private final WallClock clock;
  private final long tickIntervalMillis;
  private final ScheduledThreadPoolExecutor scheduler;

  public ClockAdapter(EventSink sink, WallClock clock, long tickIntervalMillis) {
    if (tickIntervalMillis <= 0) {
      throw new IllegalArgumentException("tickIntervalMillis must be positive");
    }
    this.sink = sink;
    this.clock = clock;
    this.tickIntervalMillis = tickIntervalMillis;
    this.scheduler =
        new ScheduledThreadPoolExecutor(
            1,
            r -> {
              Thread t = new Thread(r, "basalt-clock");
              t.setDaemon(true);
              return t;
            });
    scheduler.setRemoveOnCancelPolicy(true);
  }

  public void start() {
    scheduler.scheduleAtFixedRate(
        () -> sink.publish(new ClockTicked(clock.nowMillis())), tickIntervalMillis, tickIntervalMillis, TimeUnit.MILLISECONDS);
  }

  /** Carries out a {@code ScheduleWakeup}: answers it once the clock reaches its time. */
  public void schedule(ScheduleWakeup wakeup) {
    long delayMillis = Math.max(0, wakeup.atMillis() - clock.nowMillis());
    scheduler.schedule(() -> fire(wakeup), delayMillis, TimeUnit.MILLISECONDS);
  }

  private void fire(ScheduleWakeup wakeup) {
    long now = clock.nowMillis();
    if (now < wakeup.atMillis()) {
      // The scheduler's timer ran slightly ahead of the wall clock; never answer early.
      scheduler.schedule(() -> fire(wakeup), wakeup.atMillis() - now, TimeUnit.MILLISECONDS);
      return;
    }
    sink.publish(new WakeupFired(wakeup.correlationId(), now));
  }

  @Override
  public void close() {
    scheduler.shutdownNow();
  }
}
