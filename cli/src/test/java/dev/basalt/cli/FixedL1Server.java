package dev.basalt.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * A fixed L1 chain over JSON-RPC on loopback, served from blocks already in geth's JSON shapes
 * (real blocks fetched with {@code eth_getBlockByNumber(n, true)} and their {@code
 * eth_getBlockReceipts}): the methods the node's L1 adapter calls, by number, tag and hash, single
 * or batched; and a beacon API with nothing but genesis and slot time (no blobs). The labels are
 * fixed at construction: {@code latest} and {@code safe} the last block, {@code finalized} the first.
 */
final class FixedL1Server implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private final long chainId;
  private final TreeMap<Long, ObjectNode> blocks = new TreeMap<>();
  private final Map<String, ObjectNode> byHash = new TreeMap<>();
  private final Map<String, JsonNode> receipts = new TreeMap<>();
  private final long beaconGenesisSeconds;
  private final Vertx vertx = Vertx.vertx();
  private HttpServer server;

  /**
   * @param blocks full blocks, contiguous
   * @param receipts block hash to its receipts, for the blocks that have them (others answer null)
   */
  FixedL1Server(long chainId, Iterable<ObjectNode> blocks, Map<String, JsonNode> receipts, long beaconGenesisSeconds) {
    this.chainId = chainId;
    for (ObjectNode b : blocks) {
      this.blocks.put(Long.decode(b.get("number").asText()), b);
      byHash.put(b.get("hash").asText(), b);
    }
    this.receipts.putAll(receipts);
    this.beaconGenesisSeconds = beaconGenesisSeconds;
  }

  FixedL1Server start() throws Exception {
    server = vertx.createHttpServer(new HttpServerOptions().setHost("127.0.0.1").setPort(0).setTcpNoDelay(true))
        .requestHandler(this::serve).listen().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    return this;
  }

  URI url() {
    return URI.create("http://127.0.0.1:" + server.actualPort());
  }

  private void serve(HttpServerRequest req) {
    if (req.path().startsWith("/eth/v1/")) {
      ObjectNode top = F.objectNode();
      switch (req.path()) {
        case "/eth/v1/beacon/genesis" -> top.putObject("data").put("genesis_time", Long.toString(beaconGenesisSeconds))
            .put("genesis_validators_root", "0x" + "00".repeat(32)).put("genesis_fork_version", "0x00000000");
        case "/eth/v1/config/spec" -> top.putObject("data").put("SECONDS_PER_SLOT", "12");
        default -> {
          send(req, 404, "{\"code\":404,\"message\":\"NOT_FOUND\"}");
          return;
        }
      }
      send(req, 200, top.toString());
      return;
    }
    req.body().onSuccess(body -> {
      try {
        JsonNode in = JSON.readTree(body.getBytes());
        JsonNode out;
        if (in.isArray()) {
          ArrayNode all = F.arrayNode();
          in.forEach(c -> all.add(call(c)));
          out = all;
        } else {
          out = call(in);
        }
        send(req, 200, JSON.writeValueAsString(out));
      } catch (Exception e) {
        send(req, 500, F.objectNode().put("code", 500).put("message", e.toString()).toString());
      }
    });
  }

  private ObjectNode call(JsonNode c) {
    ObjectNode reply = F.objectNode().put("jsonrpc", "2.0");
    reply.set("id", c.get("id"));
    JsonNode params = c.path("params");
    String first = params.path(0).asText();
    boolean full = params.path(1).asBoolean(false);
    JsonNode result = switch (c.path("method").asText()) {
      case "eth_chainId" -> F.textNode("0x" + Long.toHexString(chainId));
      case "eth_blockNumber" -> F.textNode("0x" + Long.toHexString(blocks.lastKey()));
      case "eth_getBlockByNumber" -> byTag(first).<JsonNode>map(b -> shape(b, full)).orElse(F.nullNode());
      case "eth_getBlockByHash" -> Optional.ofNullable(byHash.get(first)).<JsonNode>map(b -> shape(b, full)).orElse(F.nullNode());
      case "eth_getBlockReceipts" -> (first.length() == 66 ? Optional.ofNullable(byHash.get(first)) : byTag(first))
          .map(b -> receipts.get(b.get("hash").asText())).orElse(null);
      case "eth_getTransactionReceipt" -> receipt(first);
      default -> null;
    };
    if (result == null && !c.path("method").asText().startsWith("eth_get")) {
      reply.putObject("error").put("code", -32601).put("message", "the method " + c.path("method").asText() + " does not exist");
    } else {
      reply.set("result", result == null ? F.nullNode() : result);
    }
    return reply;
  }

  private Optional<ObjectNode> byTag(String tag) {
    return switch (tag) {
      case "latest", "pending", "safe" -> Optional.of(blocks.lastEntry().getValue());
      case "finalized", "earliest" -> Optional.of(blocks.firstEntry().getValue());
      default -> Optional.ofNullable(blocks.get(Long.decode(tag)));
    };
  }

  /** The block with full transactions or with their hashes only, as geth answers either. */
  private static ObjectNode shape(ObjectNode block, boolean fullTxs) {
    if (fullTxs) {
      return block;
    }
    ObjectNode copy = block.deepCopy();
    ArrayNode hashes = copy.putArray("transactions");
    block.get("transactions").forEach(t -> hashes.add(t.get("hash").asText()));
    return copy;
  }

  private JsonNode receipt(String txHash) {
    for (JsonNode all : receipts.values()) {
      for (JsonNode r : all) {
        if (r.get("transactionHash").asText().equalsIgnoreCase(txHash)) {
          return r;
        }
      }
    }
    return null;
  }

  private static void send(HttpServerRequest req, int status, String body) {
    req.response().setStatusCode(status).putHeader("content-type", "application/json").end(body);
  }

  @Override
  public void close() {
    vertx.close().toCompletionStage().toCompletableFuture().join();
  }
}
