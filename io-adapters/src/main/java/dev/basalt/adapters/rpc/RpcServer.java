package dev.basalt.adapters.rpc;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.ServerWebSocket;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node's JSON-RPC server: HTTP {@code POST /} and WebSocket on one port, plus
 * {@code GET /healthz} ({@code {"version":"..."}}, as op-node and kona answer it).
 *
 * <p>It runs on a Vert.x instance of its own with one event loop: parsing, dispatch and writing
 * happen there, never on the core's threads; methods that wait (engine reads, the core, the disk)
 * complete later and the answer hops back onto the loop. Limits, all answered and never fatal: a
 * body over {@code maxRequestBytes} is HTTP 413 (the connection is closed, so a client cannot keep
 * streaming), a body not received within {@code readTimeout} is 408, a content type other than
 * JSON is 415 and a method other than POST is 405, as go-ethereum's server does; JSON nested
 * deeper than {@code maxNestingDepth} is a parse error; batches over {@code maxBatchSize} are
 * refused; a method slower than {@code requestTimeout} is answered -32002. WebSocket messages over
 * the size limit close that socket (code 1009).
 */
public final class RpcServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(RpcServer.class);

  private final RpcOptions options;
  private final RpcBackends backends;
  private final RpcObserver observer;
  private final MethodRegistry registry;
  private final Vertx vertx;
  private final RequestParser parser;
  private Context context;
  private RpcDispatcher dispatcher;
  private HeadFeed feed;
  private HttpServer server;
  private final byte[] health;

  private RpcServer(RpcOptions options, RpcBackends backends, RpcObserver observer) {
    this.options = options;
    this.backends = backends;
    this.observer = observer;
    this.registry = new MethodRegistry(options.enableAdmin());
    this.vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1).setWorkerPoolSize(4));
    this.parser = new RequestParser(options.maxNestingDepth());
    this.health = RefJson.write(g -> {
      g.writeStartObject();
      g.writeStringField("version", backends.version());
      g.writeEndObject();
    }).getBytes(StandardCharsets.UTF_8);
  }

  /** Registers the methods, binds the port and starts following the status board. */
  public static RpcServer start(RpcOptions options, RpcBackends backends, RpcObserver observer) {
    RpcServer s = new RpcServer(options, backends, observer);
    try {
      s.listen();
    } catch (RuntimeException e) {
      s.close();
      throw e;
    }
    return s;
  }

  private void listen() {
    context = vertx.getOrCreateContext();
    CompletableFuture<Thread> loop = new CompletableFuture<>();
    context.runOnContext(v -> loop.complete(Thread.currentThread()));
    Thread loopThread = loop.join();
    dispatcher = new RpcDispatcher(registry, vertx, context, loopThread, options, observer);
    feed = new HeadFeed(backends.status(), context);
    new OptimismMethods(backends, options.crossUnsafeL2(), vertx).registerInto(registry);
    new AdminMethods(backends).registerInto(registry);
    if (options.webSocketEnabled()) {
      SubscriptionMethods.registerInto(registry);
    }
    HttpServerOptions http = new HttpServerOptions()
        .setHost(options.host())
        .setPort(options.port())
        .setTcpNoDelay(true)
        .setIdleTimeout((int) options.idleTimeout().toSeconds())
        .setIdleTimeoutUnit(TimeUnit.SECONDS)
        .setMaxWebSocketMessageSize(options.maxRequestBytes())
        .setMaxWebSocketFrameSize(Math.min(options.maxRequestBytes(), 1 << 20));
    CompletableFuture<HttpServer> bound = new CompletableFuture<>();
    context.runOnContext(v -> {
      HttpServer created = vertx.createHttpServer(http).requestHandler(this::onHttp);
      if (options.webSocketEnabled()) {
        created.webSocketHandler(this::onWebSocket);
      }
      created.listen().onComplete(ar -> {
        if (ar.succeeded()) {
          bound.complete(ar.result());
        } else {
          bound.completeExceptionally(ar.cause());
        }
      });
    });
    try {
      server = bound.get(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      Throwable cause = e.getCause() != null ? e.getCause() : e;
      throw new IllegalStateException("cannot serve RPC on " + options.host() + ":" + options.port() + ": " + cause, cause);
    }
    feed.start();
  }

  /** The methods this server answers (others may be added through {@link #methods()}). */
  public MethodRegistry methods() {
    return registry;
  }

  /** The bound address (the real port when 0 was asked for). */
  public InetSocketAddress address() {
    return new InetSocketAddress(options.host(), server.actualPort());
  }

  public int port() {
    return server.actualPort();
  }

  private void onHttp(HttpServerRequest req) {
    if (req.method() == HttpMethod.GET && "/healthz".equals(req.path())) {
      req.response().putHeader("content-type", "application/json").end(Buffer.buffer(health));
      return;
    }
    if (req.method() != HttpMethod.POST) {
      plain(req, 405, "method not allowed");
      return;
    }
    String type = req.getHeader("content-type");
    if (type != null && !type.toLowerCase(java.util.Locale.ROOT).startsWith("application/json")) {
      plain(req, 415, "invalid content type, only application/json is supported");
      return;
    }
    String length = req.getHeader("content-length");
    if (length != null && tooLong(length)) {
      refuseTooLarge(req);
      return;
    }
    new BodyReader(req, options.maxRequestBytes(), options.readTimeout().toMillis(), vertx).read(
        body -> dispatcher.dispatch(parser.parse(body.getBytes(), 0, body.length()), Optional.empty())
            .whenComplete((bytes, error) -> dispatcher.onLoop(() -> respond(req, bytes, error))),
        () -> refuseTooLarge(req),
        () -> plain(req, 408, "request body not received in time"));
  }

  private boolean tooLong(String contentLength) {
    try {
      return Long.parseLong(contentLength.strip()) > options.maxRequestBytes();
    } catch (NumberFormatException e) {
      return false;
    }
  }

  private void respond(HttpServerRequest req, byte[] bytes, Throwable error) {
    if (req.response().ended() || req.response().closed()) {
      return;
    }
    if (error != null) {
      LOG.warn("RPC dispatch failed", error);
      bytes = ResponseWriter.error(null, RpcError.internal("internal error"));
    }
    req.response().putHeader("content-type", "application/json");
    if (bytes == null) {
      req.response().end();
    } else {
      req.response().end(Buffer.buffer(bytes));
    }
  }

  private void refuseTooLarge(HttpServerRequest req) {
    byte[] body = ResponseWriter.error(null,
        RpcError.invalidRequest("request body too large: limit is " + options.maxRequestBytes() + " bytes"));
    observer.onRequest("invalid", RpcObserver.outcome(RpcError.INVALID_REQUEST), 0);
    if (!req.response().ended()) {
      // Closing after the answer: the rest of the body is not read.
      req.response().setStatusCode(413).putHeader("content-type", "application/json").putHeader("connection", "close")
          .end(Buffer.buffer(body)).onComplete(ar -> req.connection().close());
    }
  }

  private static void plain(HttpServerRequest req, int status, String message) {
    if (!req.response().ended()) {
      req.response().setStatusCode(status).putHeader("content-type", "text/plain").end(message);
    }
  }

  private void onWebSocket(ServerWebSocket ws) {
    WsConnection conn = new WsConnection(ws, options.maxSubscriptionsPerConnection(), observer, feed);
    feed.add(conn);
    observer.onWebSocket(feed.connectionCount(), feed.subscriptionCount());
    Optional<Subscriber> self = Optional.of(conn);
    ws.textMessageHandler(text -> onMessage(ws, text.getBytes(StandardCharsets.UTF_8), self));
    ws.binaryMessageHandler(buf -> onMessage(ws, buf.getBytes(), self));
    ws.exceptionHandler(e -> LOG.debug("WebSocket error: {}", e.toString()));
    ws.closeHandler(v -> {
      feed.remove(conn);
      observer.onWebSocket(feed.connectionCount(), feed.subscriptionCount());
    });
  }

  private void onMessage(ServerWebSocket ws, byte[] message, Optional<Subscriber> self) {
    dispatcher.dispatch(parser.parse(message, 0, message.length), self).whenComplete((bytes, error) ->
        dispatcher.onLoop(() -> {
          if (bytes != null && !ws.isClosed()) {
            ws.writeTextMessage(new String(bytes, StandardCharsets.UTF_8));
          }
          observer.onWebSocket(feed.connectionCount(), feed.subscriptionCount());
        }));
  }

  @Override
  public void close() {
    if (feed != null) {
      feed.stop();
    }
    try {
      vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      LOG.warn("RPC server did not stop cleanly: {}", e.toString());
    }
  }
}
