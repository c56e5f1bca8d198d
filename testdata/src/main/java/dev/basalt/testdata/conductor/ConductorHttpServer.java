package dev.basalt.testdata.conductor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * One member's op-conductor RPC on loopback: JSON-RPC on {@code POST /}, one call per request, no
 * authentication. Calls run on a Vert.x worker against the shared {@link FakeConductor}; a hung
 * commit is never answered.
 */
public final class ConductorHttpServer implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final FakeConductor cluster;
  private final String member;
  private final Vertx vertx = Vertx.vertx();
  private HttpServer server;

  private ConductorHttpServer(FakeConductor cluster, String member) {
    this.cluster = cluster;
    this.member = member;
  }

  /** Serves {@code member}'s view of {@code cluster} on a free loopback port. */
  public static ConductorHttpServer start(FakeConductor cluster, String member) throws Exception {
    ConductorHttpServer s = new ConductorHttpServer(cluster, member);
    try {
      s.server = s.vertx.createHttpServer(new HttpServerOptions().setHost("127.0.0.1").setPort(0).setTcpNoDelay(true))
          .requestHandler(s::serve)
          .listen().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      s.close();
      throw e;
    }
    return s;
  }

  public String url() {
    return "http://127.0.0.1:" + server.actualPort();
  }

  public String member() {
    return member;
  }

  private void serve(HttpServerRequest req) {
    req.body().onSuccess(body -> vertx.executeBlocking(() -> answer(body), false).onComplete(ar -> {
      Optional<String> reply = ar.succeeded() ? ar.result() : Optional.of(error(null, -32603, "conductor error: " + ar.cause()));
      reply.ifPresent(r -> req.response().putHeader("content-type", "application/json").end(r));
    }));
  }

  /** The reply, or empty for a call that is never answered. */
  private Optional<String> answer(Buffer body) throws IOException {
    JsonNode call;
    try {
      call = JSON.readTree(body.getBytes());
    } catch (IOException e) {
      return Optional.of(error(null, -32700, "parse error"));
    }
    if (call == null || !call.isObject()) {
      return Optional.of(error(null, -32700, "one JSON-RPC request object per call"));
    }
    JsonNode id = call.get("id");
    JsonNode params = call.path("params");
    return switch (call.path("method").asText()) {
      case "conductor_leader" -> Optional.of(result(id, JSON.getNodeFactory().booleanNode(cluster.leader(member))));
      case "conductor_active" -> Optional.of(result(id, JSON.getNodeFactory().booleanNode(true)));
      case "conductor_commitUnsafePayload" -> {
        if (!params.isArray() || params.size() != 1 || !params.get(0).isObject()) {
          yield Optional.of(error(id, -32602, "expected one ExecutionPayloadEnvelope"));
        }
        yield switch (cluster.commit(member, params.get(0))) {
          case FakeConductor.CommitOutcome.Committed c -> Optional.of(result(id, JSON.getNodeFactory().nullNode()));
          case FakeConductor.CommitOutcome.Refused r -> Optional.of(error(id, r.code(), r.message()));
          case FakeConductor.CommitOutcome.Hang h -> Optional.empty();
        };
      }
      default -> Optional.of(error(id, -32601, "the method " + call.path("method").asText() + " does not exist/is not available"));
    };
  }

  private static String result(JsonNode id, JsonNode result) {
    ObjectNode out = JSON.createObjectNode().put("jsonrpc", "2.0");
    out.set("id", id);
    out.set("result", result);
    return out.toString();
  }

  private static String error(JsonNode id, int code, String message) {
    ObjectNode out = JSON.createObjectNode().put("jsonrpc", "2.0");
    out.set("id", id);
    out.putObject("error").put("code", code).put("message", message);
    return out.toString();
  }

  @Override
  public void close() {
    vertx.close().toCompletionStage().toCompletableFuture().join();
  }
}
