package dev.basalt.adapters.engine;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The backstop of one blocking HTTP exchange: interrupts the worker at the call's deadline.
 * {@code HttpRequest.timeout} only covers the wait for the response headers; a server that sends
 * headers and then stalls the body would otherwise hold the call forever, and every request must
 * be answered. The JDK's {@code HttpClient.send} cancels the exchange when interrupted.
 *
 * <p>The interrupt is delivered under this object's lock and {@link #disarm()} takes the same lock
 * before clearing the worker's interrupt flag, so no interrupt can leak past the call.
 */
final class CallDeadline implements Runnable {
  private final Thread worker;
  private final ScheduledFuture<?> timer;
  private boolean finished;
  private boolean fired;

  private CallDeadline(Thread worker, ScheduledExecutorService scheduler, long delayNanos) {
    this.worker = worker;
    this.timer = scheduler.schedule(this, delayNanos, TimeUnit.NANOSECONDS);
  }

  /** Arms a deadline for the current thread. */
  static CallDeadline arm(ScheduledExecutorService scheduler, long delayNanos) {
    return new CallDeadline(Thread.currentThread(), scheduler, delayNanos);
  }

  @Override
  public synchronized void run() {
    if (!finished) {
      fired = true;
      worker.interrupt();
    }
  }

  /** Whether the deadline interrupted the worker. */
  synchronized boolean fired() {
    return fired;
  }

  /** Stops the timer and clears any interrupt it delivered; call from the worker when the exchange ends. */
  void disarm() {
    timer.cancel(false);
    synchronized (this) {
      finished = true;
    }
    if (fired()) {
      Thread.interrupted();
    }
  }
}
