package dev.basalt.adapters.p2p.reqresp;

/**
 * A token bucket with reservations (Go {@code rate.Limiter}): {@code ratePerSecond} tokens a second
 * up to {@code burst}; a reservation takes one token now, going into debt, and tells how long the
 * caller must wait for it. Thread-safe.
 */
final class TokenBucket {
  private final double ratePerMilli;
  private final double burst;
  private double tokens;
  private long lastMillis;

  TokenBucket(double ratePerSecond, int burst, long nowMillis) {
    this.ratePerMilli = ratePerSecond / 1000.0;
    this.burst = burst;
    this.tokens = burst;
    this.lastMillis = nowMillis;
  }

  /**
   * Reserves one token: the wait in milliseconds before it is ours, or -1 (nothing taken) when that
   * wait would exceed {@code maxWaitMillis}.
   */
  synchronized long reserve(long nowMillis, long maxWaitMillis) {
    refill(nowMillis);
    double after = tokens - 1;
    long waitMillis = after >= 0 ? 0 : (long) Math.ceil(-after / ratePerMilli);
    if (waitMillis > maxWaitMillis) {
      return -1;
    }
    tokens = after;
    return waitMillis;
  }

  /** Gives back a reservation that was not used. */
  synchronized void cancel() {
    tokens = Math.min(burst, tokens + 1);
  }

  private void refill(long nowMillis) {
    if (nowMillis > lastMillis) {
      tokens = Math.min(burst, tokens + (nowMillis - lastMillis) * ratePerMilli);
      lastMillis = nowMillis;
    }
  }
}
