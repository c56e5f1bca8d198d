package dev.basalt.cli.devnet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.basalt.adapters.engine.JwtSecret;
import dev.basalt.adapters.engine.JwtVerifier;
import dev.basalt.testdata.world.SimWorld;
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

  private final SimWorld world;
  private final EngineRpc rpc;
  private final JwtVerifier jwt;
  private final Vertx vertx = Vertx.vertx();
  private final AtomicLong calls = new AtomicLong();
  private final AtomicLong rejected = new AtomicLong();
  private HttpServer server;

  private EngineHttpServer(SimWorld world, JwtSecret secret) {
    this.world = world;
    this.rpc = new EngineRpc(world);
    this.jwt = new JwtVerifier(secret, InstantSource.system());
  }

  /** Serves {@code world}'s node engine on {@code port} of loopback (0: any free port). */
  public static EngineHttpServer start(SimWorld world, JwtSecret secret, int port) throws Exception {
    EngineHttpServer s = new EngineHttpServer(world, secret);
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
    synchronized (world) {
      return rpc.call(request);
    }
  }

  @Override
  public void close() {
    vertx.close().toCompletionStage().toCompletableFuture().join();
  }
}
