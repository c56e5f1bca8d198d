package dev.basalt.adapters.metrics;

import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.concurrent.TimeUnit;

/**
 * Serves {@code GET /metrics} in Prometheus text format on a Vert.x instance of its own (one event
 * loop; a scrape runs on a worker because the journal-size gauge reads the disk).
 */
public final class MetricsServer implements AutoCloseable {
  private final Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1).setWorkerPoolSize(1));
  private final PrometheusRegistry registry;
  private final PrometheusTextFormatWriter writer = PrometheusTextFormatWriter.create();
  private HttpServer server;

  private MetricsServer(PrometheusRegistry registry) {
    this.registry = registry;
  }

  public static MetricsServer start(PrometheusRegistry registry, String host, int port) {
    MetricsServer s = new MetricsServer(registry);
    try {
      s.server = s.vertx.createHttpServer(new HttpServerOptions().setHost(host).setPort(port))
          .requestHandler(req -> {
            if (req.method() != HttpMethod.GET || !"/metrics".equals(req.path())) {
              req.response().setStatusCode(404).end("not found; metrics are at /metrics");
              return;
            }
            s.vertx.executeBlocking(s::scrape, false).onComplete(ar -> {
              if (ar.succeeded()) {
                req.response().putHeader("content-type", PrometheusTextFormatWriter.CONTENT_TYPE).end(ar.result());
              } else {
                req.response().setStatusCode(500).end("scrape failed: " + ar.cause());
              }
            });
          })
          .listen().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      s.close();
      Throwable cause = e.getCause() != null ? e.getCause() : e;
      throw new IllegalStateException("cannot serve metrics on " + host + ":" + port + ": " + cause, cause);
    }
    return s;
  }

  /** The registry in text format (what {@code /metrics} answers). */
  public static String text(PrometheusRegistry registry) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
    try {
      PrometheusTextFormatWriter.create().write(out, registry.scrape());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return out.toString(java.nio.charset.StandardCharsets.UTF_8);
  }

  private Buffer scrape() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
    writer.write(out, registry.scrape());
    return Buffer.buffer(out.toByteArray());
  }

  public int port() {
    return server.actualPort();
  }

  @Override
  public void close() {
    vertx.close().toCompletionStage().toCompletableFuture().orTimeout(10, TimeUnit.SECONDS).exceptionally(e -> null).join();
  }
}
