package dev.basalt.testdata.world.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.basalt.testdata.world.SimWorld;
import dev.basalt.testdata.world.fault.Fault;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The simulated L1 over HTTP on loopback: JSON-RPC, single calls and batches, on {@code POST /}
 * ({@link L1Rpc}) and the beacon API under {@code GET /eth/v1/...} ({@link BeaconApi}).
 *
 * <p>Threading: Vert.x receives on its event loop and hands each request to a worker, which reads
 * the world while holding its lock (a world catching up must not stall the event loop); the
 * answer, or the armed fault's version of it ({@link WireFaults}), goes out from the event loop.
 */
public final class L1HttpServer implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonNodeFactory F = JsonNodeFactory.instance;
  private static final String PARSE_ERROR = "{\"jsonrpc\":\"2.0\",\"id\":null,\"error\":{\"code\":-32700,\"message\":\"parse error\"}}";

  private final SimWorld world;
  private final L1Rpc rpc;
  private final Vertx vertx;
  private final AtomicLong rpcRequests = new AtomicLong();
  private final AtomicLong beaconRequests = new AtomicLong();
  private HttpServer server;

  /** A reply on its way out. */
  private record Outgoing(int status, String body, Optional<Fault> fault) {}

  private L1HttpServer(SimWorld world) {
    this.world = world;
    this.rpc = new L1Rpc(world);
    this.vertx = Vertx.vertx();
  }

  /** Starts on a free loopback port. */
  public static L1HttpServer start(SimWorld world) throws Exception {
    return start(world, 0);
  }

  /** Starts on {@code port} of loopback (0: any free port). */
  public static L1HttpServer start(SimWorld world, int port) throws Exception {
    L1HttpServer s = new L1HttpServer(world);
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

  public int port() {
    return server.actualPort();
  }

  /** The JSON-RPC endpoint (also the beacon API's base URL). */
  public String url() {
    return "http://127.0.0.1:" + port();
  }

  /** HTTP requests served on the JSON-RPC endpoint so far. */
  public long rpcRequests() {
    return rpcRequests.get();
  }

  /** HTTP requests served on the beacon API so far. */
  public long beaconRequests() {
    return beaconRequests.get();
  }

  private void serve(HttpServerRequest req) {
    if (req.path().startsWith("/eth/v1/")) {
      beaconRequests.incrementAndGet();
      String path = req.path();
      List<String> selectors = path.contains("/blob_sidecars/") ? req.params().getAll("indices") : req.params().getAll("versioned_hashes");
      vertx.executeBlocking(() -> beacon(path, selectors), false).onComplete(ar -> send(req, ar.succeeded() ? ar.result() : failed(ar.cause())));
      return;
    }
    rpcRequests.incrementAndGet();
    req.body().onSuccess(body -> vertx.executeBlocking(() -> jsonRpc(body), false)
        .onComplete(ar -> send(req, ar.succeeded() ? ar.result() : failed(ar.cause()))));
  }

  private Outgoing beacon(String path, List<String> selectors) {
    BeaconApi.Reply reply;
    synchronized (world) {
      reply = BeaconApi.answer(world, path, selectors);
    }
    return new Outgoing(reply.status(), reply.body(), reply.fault());
  }

  private Outgoing jsonRpc(Buffer body) throws IOException {
    JsonNode in;
    try {
      in = JSON.readTree(body.getBytes());
    } catch (IOException e) {
      return new Outgoing(200, PARSE_ERROR, Optional.empty());
    }
    if (in == null || !(in.isArray() || in.isObject())) {
      return new Outgoing(200, PARSE_ERROR, Optional.empty());
    }
    Optional<Fault> fault = Optional.empty();
    JsonNode out;
    synchronized (world) {
      if (in.isArray()) {
        ArrayNode all = F.arrayNode();
        for (JsonNode c : in) {
          L1Rpc.Answered a = rpc.call(c);
          all.add(a.reply());
          fault = fault.or(a::wireFault);
        }
        out = all;
      } else {
        L1Rpc.Answered a = rpc.call(in);
        out = a.reply();
        fault = a.wireFault();
      }
    }
    if (fault.isPresent() && fault.get() instanceof Fault.Fail f) {
      int status = WireFaults.status(f.kind());
      return new Outgoing(status, F.objectNode().put("code", status).put("message", f.message()).toString(), Optional.empty());
    }
    return new Outgoing(200, JSON.writeValueAsString(out), fault);
  }

  private static Outgoing failed(Throwable cause) {
    return new Outgoing(500, F.objectNode().put("code", 500).put("message", "world error: " + cause).toString(), Optional.empty());
  }

  private void send(HttpServerRequest req, Outgoing out) {
    WireFaults.send(vertx, req, out.status(), out.body(), out.fault());
  }

  @Override
  public void close() {
    vertx.close().toCompletionStage().toCompletableFuture().join();
  }
}
