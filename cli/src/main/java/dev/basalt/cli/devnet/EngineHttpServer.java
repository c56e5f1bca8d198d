package dev.basalt.cli.devnet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.basalt.adapters.engine.JwtSecret;
import dev.basalt.adapters.engine.JwtVerifier;
import dev.basalt.testdata.world.SimWorld;
import dev.basalt.testdata.world.engine.EngineResponder;
import dev.basalt.testdata.world.http.WireFaults;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import java.io.IOException;
import java.net.URI;
import java.time.InstantSource;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The world's node engine behind an Engine API endpoint on loopback, as op-geth's authrpc serves
 * one: {@code POST /} with a bearer JWT (HS256 over the shared secret, {@code iat} within ±60 s;
 * anything else is HTTP 401 with the reason), one JSON-RPC call per request ({@link EngineRpc}).
 * Vert.x receives on its event loop; the call runs on a worker under the world's lock.
 */
public final class EngineHttpServer implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** What every call holds while it runs: the world, whose engine it drives. */
  private final Object lock;
  private final EngineRpc rpc;
  private final JwtVerifier jwt;
  private final Vertx vertx = Vertx.vertx();
  private final AtomicLong calls = new AtomicLong();
  private final AtomicLong rejected = new AtomicLong();
  private HttpServer server;

  private EngineHttpServer(EngineResponder engine, long l2ChainId, Object lock, JwtSecret secret) {
    this.lock = lock;
    this.rpc = new EngineRpc(engine, l2ChainId);
    this.jwt = new JwtVerifier(secret, InstantSource.system());
  }

  /** Serves {@code world}'s node engine on {@code port} of loopback (0: any free port). */
  public static EngineHttpServer start(SimWorld world, JwtSecret secret, int port) throws Exception {
    return start(world.engineResponder(), world.rollupConfig().l2ChainId(), world, secret, port);
  }

  /**
   * Serves a fake engine outside any world (a real chain's blocks in oracle mode, for instance),
   * each call holding {@code lock}.
   */
  public static EngineHttpServer start(EngineResponder engine, long l2ChainId, Object lock, JwtSecret secret, int port)
      throws Exception {
    EngineHttpServer s = new EngineHttpServer(engine, l2ChainId, lock, secret);
    try {
      s.server = s.vertx.createHttpServer(new HttpServerOptions().setHost("127.0.0.1").setPort(port).setTcpNoDelay(true))
          .requestHandler(s::serve)
          .listen().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      s.close();
      throw e;
    }
    return s;
  }

  public URI url() {
    return URI.create("http://127.0.0.1:" + server.actualPort());
  }

  /** Authorized calls served so far. */
  public long calls() {
    return calls.get();
  }

  /** Requests refused with 401 so far. */
  public long rejected() {
    return rejected.get();
  }

  private void serve(HttpServerRequest req) {
    Optional<String> problem = jwt.problem(req.getHeader("Authorization"));
    if (problem.isPresent()) {
      rejected.incrementAndGet();
      req.response().setStatusCode(401).putHeader("content-type", "text/plain").end(problem.get());
      return;
    }
    calls.incrementAndGet();
    req.body().onSuccess(body -> vertx.executeBlocking(() -> answer(body), false).onComplete(ar -> {
      EngineRpc.Answered a = ar.succeeded() ? ar.result()
          : new EngineRpc.Answered(500, JSON.createObjectNode().put("code", 500).put("message", "engine error: " + ar.cause()).toString(),
              Optional.empty());
      WireFaults.send(vertx, req, a.status(), a.body(), a.fault());
    }));
  }

  private EngineRpc.Answered answer(Buffer body) throws IOException {
    JsonNode request;
    try {
      request = JSON.readTree(body.getBytes());
    } catch (IOException e) {
      request = null;
    }
    if (request == null || !request.isObject()) {
      return EngineRpc.error(null, -32700, "parse error: one JSON-RPC request object per call");
    }
    synchronized (lock) {
      return rpc.call(request);
    }
  }

  @Override
  public void close() {
    vertx.close().toCompletionStage().toCompletableFuture().join();
  }
}
