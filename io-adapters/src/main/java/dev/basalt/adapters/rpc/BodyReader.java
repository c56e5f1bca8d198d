package dev.basalt.adapters.rpc;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import java.util.function.Consumer;

/**
 * Reads one request body with a size cap and a deadline, on the event loop. Exactly one of the
 * three outcomes runs: the whole body, "too large" (as soon as the cap is passed, without
 * buffering more) or "too slow".
 */
final class BodyReader {
  private final HttpServerRequest req;
  private final int maxBytes;
  private final long timeoutMillis;
  private final Vertx vertx;
  private final Buffer body = Buffer.buffer();
  private boolean done;

  BodyReader(HttpServerRequest req, int maxBytes, long timeoutMillis, Vertx vertx) {
    this.req = req;
    this.maxBytes = maxBytes;
    this.timeoutMillis = timeoutMillis;
    this.vertx = vertx;
  }

  void read(Consumer<Buffer> whole, Runnable tooLarge, Runnable tooSlow) {
    long timer = vertx.setTimer(timeoutMillis, t -> {
      if (!done) {
        done = true;
        tooSlow.run();
        req.connection().close();
      }
    });
    req.handler(chunk -> {
      if (done) {
        return;
      }
      if (body.length() + chunk.length() > maxBytes) {
        done = true;
        vertx.cancelTimer(timer);
        tooLarge.run();
        return;
      }
      body.appendBuffer(chunk);
    });
    req.endHandler(v -> {
      if (!done) {
        done = true;
        vertx.cancelTimer(timer);
        whole.accept(body);
      }
    });
    req.exceptionHandler(e -> {
      done = true;
      vertx.cancelTimer(timer);
    });
  }
}
