package dev.basalt.testdata.world.fault;

import dev.basalt.core.event.FailureKind;
import java.util.Objects;

/** Something that goes wrong with one call to a simulated service. */
public sealed interface Fault {

  /**
   * The call fails. In-process: {@code RequestFailed} with {@code kind} (an engine answers a
   * JSON-RPC error object with {@code rpcCode} instead when {@code kind} is {@code REMOTE_ERROR}).
   * Over HTTP: the JSON-RPC error object {@code rpcCode} when there is one, otherwise an HTTP
   * status for {@code kind} (404 {@code NOT_FOUND}, 401 {@code UNAUTHORIZED}, 500 anything else).
   */
  record Fail(FailureKind kind, int rpcCode, String message) implements Fault {
    public Fail {
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(message, "message");
    }

    public static Fail notFound(String message) {
      return new Fail(FailureKind.NOT_FOUND, 0, message);
    }

    public static Fail rpcError(int code, String message) {
      return new Fail(FailureKind.REMOTE_ERROR, code, message);
    }
  }

  /** The real answer, {@code millis} late. */
  record Delay(long millis) implements Fault {
    public Delay {
      if (millis < 0) {
        throw new IllegalArgumentException("negative delay");
      }
    }
  }

  /**
   * The call takes effect but its answer is lost. In-process: {@code RequestFailed(TRANSPORT)}; over
   * HTTP: the connection closes without a response.
   */
  record Drop() implements Fault {}

  /** No answer in time. In-process: {@code RequestFailed(TIMEOUT)}; over HTTP: the response never comes. */
  record Timeout() implements Fault {}
}
