package dev.basalt.adapters.stub;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback Vert.x HTTP server with one event loop, a queue of faults that replace the next
 * answers, and request counters. Subclasses route the requests that get through.
 */
abstract class StubHttp implements AutoCloseable {
  private final Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1).setWorkerPoolSize(1)
      .setInternalBlockingPoolSize(1));
  private final HttpServer server;
  private final ConcurrentLinkedDeque<Fault> faults = new ConcurrentLinkedDeque<>();
  private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();
  private final AtomicInteger requests = new AtomicInteger();

  StubHttp() {
    server = vertx.createHttpServer(new HttpServerOptions().setHost("127.0.0.1").setPort(0).setTcpNoDelay(true))
        .requestHandler(this::onRequest);
    join(server.listen().toCompletionStage().toCompletableFuture());
  }

  public URI url() {
    return URI.create("http://127.0.0.1:" + server.actualPort());
  }

  /** The next requests get these faults, one each, before normal answers resume. */
  public void failNext(Fault... next) {
    for (Fault f : next) {
      faults.add(f);
    }
  }

  /** HTTP requests received so far. */
  public int requests() {
    return requests.get();
  }

  /** How often {@code key} (a JSON-RPC method or a route) was asked for. */
  public int count(String key) {
    AtomicInteger n = counts.get(key);
    return n == null ? 0 : n.get();
  }

  void countCall(String key) {
    counts.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
  }

  private void onRequest(HttpServerRequest req) {
    requests.incrementAndGet();
    req.body().onSuccess(body -> {
      Fault f = faults.poll();
      if (f == null) {
        handle(req, body.toString());
        return;
      }
      switch (f) {
        case Fault.Status s -> req.response().setStatusCode(s.status()).end(s.body());
        case Fault.Hang h -> { }
        case Fault.Garbage g -> req.response().putHeader("content-type", "application/json").end("{\"jsonrpc\":\"2.0\",");
      }
    });
  }

  /** Answers one request that no fault replaced. */
  abstract void handle(HttpServerRequest req, String body);

  static void json(HttpServerRequest req, int status, String json) {
    req.response().setStatusCode(status).putHeader("content-type", "application/json").end(json);
  }

  private static <T> T join(CompletableFuture<T> f) {
    try {
      return f.get(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException("stub server: " + e, e);
    }
  }

  @Override
  public void close() {
    join(vertx.close().toCompletionStage().toCompletableFuture());
  }
}
