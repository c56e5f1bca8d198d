package dev.basalt.adapters.http;

import dev.basalt.core.event.FailureKind;
import java.util.Objects;

/**
 * A request that did not produce a usable answer, with the {@link FailureKind} the core is told and
 * a one-line detail. {@code retryable} marks the failures worth another attempt (transport errors,
 * timeouts, HTTP 429 and 5xx); {@code httpStatus} is the HTTP status when there was one, else 0.
 */
public final class CallFailure extends Exception {
  private static final long serialVersionUID = 1L;

  private final FailureKind kind;
  private final boolean retryable;
  private final int httpStatus;

  public CallFailure(FailureKind kind, String detail, boolean retryable, int httpStatus) {
    super(Objects.requireNonNull(detail, "detail"), null, false, false);
    this.kind = Objects.requireNonNull(kind, "kind");
    this.retryable = retryable;
    this.httpStatus = httpStatus;
  }

  /** A final failure (not retried) of {@code kind}. */
  public static CallFailure of(FailureKind kind, String detail) {
    return new CallFailure(kind, detail, false, 0);
  }

  public static CallFailure invalid(String detail) {
    return of(FailureKind.INVALID_RESPONSE, detail);
  }

  public FailureKind kind() {
    return kind;
  }

  public boolean retryable() {
    return retryable;
  }

  public int httpStatus() {
    return httpStatus;
  }

  public String detail() {
    return getMessage();
  }

  /** The same failure with {@code context} in front of the detail. */
  public CallFailure withContext(String context) {
    return new CallFailure(kind, context + ": " + detail(), retryable, httpStatus);
  }
}
