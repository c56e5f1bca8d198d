package dev.basalt.testdata.world.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.basalt.core.types.Hash32;
import dev.basalt.testdata.world.SimWorld;
import dev.basalt.testdata.world.l1.L1ChainStore;
import dev.basalt.testdata.world.l1.MinedL1Block;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import java.util.Optional;

/**
 * The simulated L1 over HTTP on loopback: JSON-RPC ({@code eth_chainId}, {@code eth_blockNumber},
 * {@code eth_getBlockByNumber} with numbers and labels, {@code eth_getBlockByHash}, {@code
 * eth_getBlockReceipts}, {@code eth_getTransactionReceipt}, {@code eth_getTransactionByHash},
 * batches) on {@code POST /}, and the beacon API under {@code GET /eth/v1/...} (see {@link
 * BeaconApi}). Every request reads the world while holding its lock.
 */
public final class L1HttpServer implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private final SimWorld world;
  private final Vertx vertx;
  private final HttpServer server;

  private L1HttpServer(SimWorld world, Vertx vertx, HttpServer server) {
    this.world = world;
    this.vertx = vertx;
    this.server = server;
  }

  /** Starts on a free loopback port. */
  public static L1HttpServer start(SimWorld world) throws Exception {
    Vertx vertx = Vertx.vertx();
    L1HttpServer[] self = new L1HttpServer[1];
    HttpServer server = vertx.createHttpServer()
        .requestHandler(req -> self[0].serve(req))
        .listen(0, "127.0.0.1")
        .toCompletionStage().toCompletableFuture().get();
    self[0] = new L1HttpServer(world, vertx, server);
    return self[0];
  }

  public int port() {
    return server.actualPort();
  }

  public String url() {
    return "http://127.0.0.1:" + port();
  }

  private void serve(HttpServerRequest req) {
    if (req.path().startsWith("/eth/v1/")) {
      BeaconApi.Reply reply;
      synchronized (world) {
        reply = BeaconApi.answer(world, req.path());
      }
      req.response().setStatusCode(reply.status()).putHeader("content-type", "application/json").end(reply.body());
      return;
    }
    req.body().onSuccess(body -> {
      String out;
      try {
        JsonNode in = JSON.readTree(body.getBytes());
        synchronized (world) {
          out = JSON.writeValueAsString(in.isArray() ? batch((ArrayNode) in) : call(in));
        }
      } catch (java.io.IOException e) {
        out = "{\"jsonrpc\":\"2.0\",\"id\":null,\"error\":{\"code\":-32700,\"message\":\"parse error\"}}";
      }
      req.response().putHeader("content-type", "application/json").end(out);
    });
  }

  private ArrayNode batch(ArrayNode calls) {
    ArrayNode out = F.arrayNode();
    calls.forEach(c -> out.add(call(c)));
    return out;
  }

  private ObjectNode call(JsonNode c) {
    ObjectNode reply = F.objectNode().put("jsonrpc", "2.0");
    reply.set("id", c.get("id"));
    try {
      reply.set("result", result(c.path("method").asText(), c.path("params")));
    } catch (IllegalArgumentException e) {
      reply.putObject("error").put("code", -32602).put("message", e.getMessage());
    } catch (UnsupportedOperationException e) {
      reply.putObject("error").put("code", -32601).put("message", e.getMessage());
    }
    return reply;
  }

  private JsonNode result(String method, JsonNode params) {
    L1ChainStore chain = world.l1().chain();
    return switch (method) {
      case "eth_chainId" -> F.textNode(Quantity.of(world.l1().params().chainId()));
      case "eth_blockNumber" -> F.textNode(Quantity.of(chain.head().number()));
      case "eth_getBlockByNumber" -> byNumber(params.path(0).asText()).<JsonNode>map(b -> L1Json.block(b, params.path(1).asBoolean()))
          .orElse(F.nullNode());
      case "eth_getBlockByHash" -> chain.byHash(hash(params.path(0))).<JsonNode>map(b -> L1Json.block(b, params.path(1).asBoolean()))
          .orElse(F.nullNode());
      case "eth_getBlockReceipts" -> receipts(params.path(0).asText());
      case "eth_getTransactionReceipt" -> located(hash(params.path(0)), true);
      case "eth_getTransactionByHash" -> located(hash(params.path(0)), false);
      default -> throw new UnsupportedOperationException("the method " + method + " does not exist/is not available");
    };
  }

  private static Hash32 hash(JsonNode n) {
    try {
      return Hash32.fromHex(n.asText());
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("invalid hash " + n);
    }
  }

  private Optional<MinedL1Block> byNumber(String tag) {
    L1ChainStore chain = world.l1().chain();
    return switch (tag) {
      case "latest", "pending" -> Optional.of(chain.head());
      case "safe" -> Optional.of(chain.safe());
      case "finalized" -> Optional.of(chain.finalized());
      case "earliest" -> Optional.of(chain.genesis());
      default -> chain.byNumber(Quantity.parse(tag));
    };
  }

  private JsonNode receipts(String blockId) {
    Optional<MinedL1Block> block = blockId.length() == 66 ? world.l1().chain().byHash(Hash32.fromHex(blockId)) : byNumber(blockId);
    if (block.isEmpty()) {
      return F.nullNode();
    }
    ArrayNode out = F.arrayNode();
    for (int i = 0; i < block.get().transactions().size(); i++) {
      out.add(L1Json.receipt(block.get(), i));
    }
    return out;
  }

  private JsonNode located(Hash32 txHash, boolean receipt) {
    L1ChainStore chain = world.l1().chain();
    return chain.transaction(txHash).<JsonNode>map(at -> {
      MinedL1Block b = chain.byNumber(at.blockNumber()).orElseThrow();
      return receipt ? L1Json.receipt(b, at.index()) : L1Json.transaction(b, at.index());
    }).orElse(F.nullNode());
  }

  @Override
  public void close() {
    vertx.close().toCompletionStage().toCompletableFuture().join();
  }
}
