package dev.basalt.adapters.p2p.discv5;

import java.util.PriorityQueue;

/** Deadlines run by the discovery thread between selects; the next deadline bounds the select wait. */
final class Timers {
  /** A scheduled task; {@link #cancel()} makes it a no-op. */
  static final class Timer implements Comparable<Timer> {
    final long deadlineNanos;
    final long order;
    final Runnable task;
    boolean cancelled;

    Timer(long deadlineNanos, long order, Runnable task) {
      this.deadlineNanos = deadlineNanos;
      this.order = order;
      this.task = task;
    }

    void cancel() {
      cancelled = true;
    }

    @Override
    public int compareTo(Timer o) {
      int c = Long.compare(deadlineNanos, o.deadlineNanos);
      return c != 0 ? c : Long.compare(order, o.order);
    }
  }

  private final PriorityQueue<Timer> queue = new PriorityQueue<>();
  private long order;

  Timer at(long deadlineNanos, Runnable task) {
    Timer t = new Timer(deadlineNanos, order++, task);
    queue.add(t);
    return t;
  }

  /** Runs every task due at {@code now}; tasks may schedule more. */
  void runDue(long now) {
    while (!queue.isEmpty() && queue.peek().deadlineNanos - now <= 0) {
      Timer t = queue.poll();
      if (!t.cancelled) {
        t.task.run();
      }
    }
  }

  /** Nanoseconds until the next live deadline (≥ 0), or -1 when none is scheduled. */
  long nanosUntilNext(long now) {
    while (!queue.isEmpty() && queue.peek().cancelled) {
      queue.poll();
    }
    return queue.isEmpty() ? -1 : Math.max(0, queue.peek().deadlineNanos - now);
  }

  int size() {
    return queue.size();
  }
}
