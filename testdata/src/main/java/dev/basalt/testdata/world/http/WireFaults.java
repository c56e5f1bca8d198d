package dev.basalt.testdata.world.http;

import dev.basalt.core.event.FailureKind;
import dev.basalt.testdata.world.fault.Fault;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerRequest;
import java.util.Optional;

/**
 * How an armed {@link Fault} shows on the wire, for every HTTP front-end of the world: a {@code
 * Fail} the protocol does not answer in its own terms (a JSON-RPC error object) is an HTTP status
 * ({@link #status}); a {@code Delay} sends the real answer that much later; a {@code Drop} closes
 * the connection without an answer (the call has taken effect); a {@code Timeout} never answers
 * (the client's deadline ends the exchange, or the server's close does).
 */
public final class WireFaults {
  private WireFaults() {}

  /** The HTTP status of a failed call: 404 not found, 401 unauthorized, 500 otherwise. */
  public static int status(FailureKind kind) {
    return switch (kind) {
      case NOT_FOUND -> 404;
      case UNAUTHORIZED -> 401;
      default -> 500;
    };
  }

  /** Answers {@code req} with {@code status} and a JSON {@code body} as {@code fault} (if any) says. */
  public static void send(Vertx vertx, HttpServerRequest req, int status, String body, Optional<Fault> fault) {
    switch (fault.orElse(null)) {
      case Fault.Delay d when d.millis() > 0 -> vertx.setTimer(d.millis(), t -> end(req, status, body));
      case Fault.Drop d -> req.connection().close();
      case Fault.Timeout t -> { }
      case null, default -> end(req, status, body);
    }
  }

  private static void end(HttpServerRequest req, int status, String body) {
    req.response().setStatusCode(status).putHeader("content-type", "application/json").end(body);
  }
}
