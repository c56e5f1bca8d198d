package dev.basalt.adapters.http;

import dev.basalt.core.event.FailureKind;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;

/** Maps I/O exceptions and HTTP statuses to {@link CallFailure}s. */
public final class HttpFailures {
  private static final int MAX_BODY_CHARS = 200;

  private HttpFailures() {}

  /** A failure of the exchange itself (no HTTP status): timeouts, refused or broken connections. */
  public static CallFailure ofIo(String what, IOException e) {
    if (e instanceof HttpStatusException status) {
      return ofStatus(what, status.status(), status.bodySnippet());
    }
    // OkHttp reports its call timeout as a plain InterruptedIOException("timeout").
    if (e instanceof SocketTimeoutException
        || (e instanceof InterruptedIOException && !Thread.currentThread().isInterrupted())) {
      return new CallFailure(FailureKind.TIMEOUT, what + ": no answer in time (" + e.getMessage() + ")", true, 0);
    }
    String kind = e instanceof ConnectException ? "connection refused"
        : e instanceof UnknownHostException ? "unknown host" : "transport error";
    return new CallFailure(FailureKind.TRANSPORT, what + ": " + kind + " (" + e + ")", true, 0);
  }

  /** A non-2xx answer: 429 and 5xx are retried, 401/403 are credentials, 404 is not found. */
  public static CallFailure ofStatus(String what, int status, String body) {
    String detail = what + ": HTTP " + status + (body.isBlank() ? "" : " " + abbreviate(body));
    if (status == 429 || status >= 500) {
      return new CallFailure(FailureKind.REMOTE_ERROR, detail, true, status);
    }
    FailureKind kind = switch (status) {
      case 401, 403 -> FailureKind.UNAUTHORIZED;
      case 404 -> FailureKind.NOT_FOUND;
      default -> FailureKind.REMOTE_ERROR;
    };
    return new CallFailure(kind, detail, false, status);
  }

  static String abbreviate(String body) {
    String oneLine = body.strip().replaceAll("\\s+", " ");
    return oneLine.length() <= MAX_BODY_CHARS ? oneLine : oneLine.substring(0, MAX_BODY_CHARS) + "...";
  }
}
