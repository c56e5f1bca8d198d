package dev.basalt.adapters.http;

/**
 * How often and how patiently a request is retried: at most {@code maxAttempts} attempts, waiting
 * {@code initialBackoffMillis} after the first failure and doubling up to {@code maxBackoffMillis}.
 */
public record RetryPolicy(int maxAttempts, long initialBackoffMillis, long maxBackoffMillis) {
  /** Five attempts, 250 ms doubling to 4 s: about 7.75 s of waiting before giving up. */
  public static final RetryPolicy DEFAULT = new RetryPolicy(5, 250, 4_000);

  /** One attempt: pollers use it, since their next tick is the retry. */
  public static final RetryPolicy ONCE = new RetryPolicy(1, 0, 0);

  public RetryPolicy {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1, got " + maxAttempts);
    }
    if (initialBackoffMillis < 0 || maxBackoffMillis < initialBackoffMillis) {
      throw new IllegalArgumentException("need 0 <= initialBackoffMillis <= maxBackoffMillis");
    }
  }

  /** The wait after failed attempt {@code attempt} (1-based). */
  public long backoffMillis(int attempt) {
    int doublings = Math.min(attempt - 1, 30);
    return Math.min(maxBackoffMillis, initialBackoffMillis << doublings);
  }
}
