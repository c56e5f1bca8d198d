package dev.basalt.adapters.http;

import dev.basalt.core.event.FailureKind;
import java.util.concurrent.Semaphore;

/**
 * Runs an attempt under a concurrency permit and retries it by a {@link RetryPolicy}. The permit is
 * held only while a request is in flight, never while backing off, so waiting retries do not starve
 * other requests of the {@code --l1.max-concurrency} budget.
 */
public final class Retrying {
  /** One attempt of a request. */
  @FunctionalInterface
  public interface Attempt<T> {
    T run() throws CallFailure;
  }

  private final RetryPolicy policy;
  private final Semaphore permits;

  public Retrying(RetryPolicy policy, int maxConcurrency) {
    if (maxConcurrency < 1) {
      throw new IllegalArgumentException("maxConcurrency must be at least 1");
    }
    this.policy = policy;
    this.permits = new Semaphore(maxConcurrency, true);
  }

  public RetryPolicy policy() {
    return policy;
  }

  /** Runs {@code attempt} until it succeeds, fails for good, or the attempts run out. */
  public <T> T run(String what, Attempt<T> attempt) throws CallFailure {
    CallFailure last = null;
    for (int n = 1; n <= policy.maxAttempts(); n++) {
      try {
        permits.acquire();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw CallFailure.of(FailureKind.TRANSPORT, what + ": interrupted (adapter closing)");
      }
      try {
        return attempt.run();
      } catch (CallFailure f) {
        last = f;
        if (!f.retryable()) {
          throw f;
        }
      } finally {
        permits.release();
      }
      if (n < policy.maxAttempts()) {
        sleep(what, policy.backoffMillis(n));
      }
    }
    throw last.withContext("gave up after " + policy.maxAttempts() + " attempt" + (policy.maxAttempts() == 1 ? "" : "s"));
  }

  private static void sleep(String what, long millis) throws CallFailure {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw CallFailure.of(FailureKind.TRANSPORT, what + ": interrupted while backing off (adapter closing)");
    }
  }
}
