package dev.basalt.core.flow;

import dev.basalt.core.state.StateVisitor;

/**
 * Bounded exponential backoff for retries, driven by clock events: the delay doubles from
 * {@code initialMillis} up to {@code maxMillis} and resets on success. No jitter: the core has no
 * randomness, and one node retrying against its own engine gains nothing from it.
 */
public final class Backoff {
  private final long initialMillis;
  private final long maxMillis;
  private int failures;

  public Backoff(long initialMillis, long maxMillis) {
    if (initialMillis <= 0 || maxMillis < initialMillis) {
      throw new IllegalArgumentException("bad backoff bounds " + initialMillis + ".." + maxMillis);
    }
    this.initialMillis = initialMillis;
    this.maxMillis = maxMillis;
  }

  /** Records a failure and returns how long to wait before the next attempt. */
  public long nextDelayMillis() {
    int shift = Math.min(failures, 30);
    failures++;
    long delay = initialMillis << shift;
    return delay <= 0 || delay > maxMillis ? maxMillis : delay;
  }

  public void reset() {
    failures = 0;
  }

  public int failures() {
    return failures;
  }

  public void writeTo(dev.basalt.core.codec.BinaryWriter w) {
    w.i32(failures);
  }

  public void readFrom(dev.basalt.core.codec.BinaryReader r) {
    failures = r.count(Integer.MAX_VALUE, "backoff failures");
  }

  public void describeTo(StateVisitor v, String name) {
    v.value(name, failures);
  }
}
