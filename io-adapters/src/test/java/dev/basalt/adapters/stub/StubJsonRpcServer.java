package dev.basalt.adapters.stub;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.http.HttpServerRequest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An L1 execution node on loopback serving given blocks and receipts: {@code
 * eth_getBlockByNumber} (by number or label, full or hashes-only), {@code eth_getBlockReceipts}
 * (by block hash; or "method not found" on request), {@code eth_getTransactionReceipt}, {@code
 * eth_getStorageAt} (set words, any block), and
 * JSON-RPC batches, optionally answered in reverse order as the spec allows.
 */
public final class StubJsonRpcServer extends StubHttp {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final Map<Long, JsonNode> blocks = new ConcurrentHashMap<>();
  private final Map<String, JsonNode> receiptsByBlockHash = new ConcurrentHashMap<>();
  private final Map<String, JsonNode> receiptsByTxHash = new ConcurrentHashMap<>();
  private final Map<String, Long> labels = new ConcurrentHashMap<>();
  private final Map<String, String> storage = new ConcurrentHashMap<>();
  private final List<JsonNode> storageBlocks = Collections.synchronizedList(new ArrayList<>());
  private volatile boolean blockReceiptsMissing;
  private volatile boolean reverseBatches;

  /** Serves {@code block}; {@code receipts} may be null (the node then has none for it). */
  public void addBlock(JsonNode block, JsonNode receipts) {
    long number = Long.decode(block.get("number").asText());
    blocks.put(number, block);
    if (receipts != null) {
      receiptsByBlockHash.put(block.get("hash").asText(), receipts);
      receipts.forEach(r -> receiptsByTxHash.put(r.get("transactionHash").asText(), r));
    }
  }

  /** Points {@code label} ({@code latest}, {@code safe}, {@code finalized}) at block {@code number}. */
  public void setLabel(String label, long number) {
    labels.put(label, number);
  }

  /** Serves {@code word} for {@code eth_getStorageAt(contract, slot, any block)}; unset slots read as zero. */
  public void setStorage(String contract, String slot, String word) {
    storage.put(contract.toLowerCase() + "/" + slot.toLowerCase(), word);
  }

  /** The block parameters of every {@code eth_getStorageAt} call so far. */
  public List<JsonNode> storageBlocks() {
    return List.copyOf(storageBlocks);
  }

  public void blockReceiptsMissing(boolean missing) {
    blockReceiptsMissing = missing;
  }

  public void reverseBatches(boolean reverse) {
    reverseBatches = reverse;
  }

  @Override
  void handle(HttpServerRequest req, String body) {
    JsonNode request;
    try {
      request = MAPPER.readTree(body);
    } catch (Exception e) {
      json(req, 200, "{\"jsonrpc\":\"2.0\",\"id\":null,\"error\":{\"code\":-32700,\"message\":\"parse error\"}}");
      return;
    }
    if (request.isArray()) {
      List<JsonNode> answers = new ArrayList<>();
      request.forEach(r -> answers.add(answer(r)));
      if (reverseBatches) {
        Collections.reverse(answers);
      }
      ArrayNode out = MAPPER.createArrayNode();
      answers.forEach(out::add);
      json(req, 200, out.toString());
    } else {
      json(req, 200, answer(request).toString());
    }
  }

  private JsonNode answer(JsonNode request) {
    String method = request.get("method").asText();
    countCall(method);
    JsonNode params = request.get("params");
    ObjectNode out = MAPPER.createObjectNode().put("jsonrpc", "2.0");
    out.set("id", request.get("id"));
    switch (method) {
      case "eth_getBlockByNumber" -> out.set("result", block(params.get(0).asText(), params.get(1).asBoolean()));
      case "eth_getBlockReceipts" -> {
        if (blockReceiptsMissing) {
          out.putObject("error").put("code", -32601)
              .put("message", "the method eth_getBlockReceipts does not exist/is not available");
        } else {
          out.set("result", receiptsByBlockHash.getOrDefault(params.get(0).asText(), NullNode.getInstance()));
        }
      }
      case "eth_getStorageAt" -> {
        storageBlocks.add(params.get(2));
        out.put("result", storage.getOrDefault(params.get(0).asText().toLowerCase() + "/" + params.get(1).asText().toLowerCase(),
            "0x" + "0".repeat(64)));
      }
      case "eth_getTransactionReceipt" ->
          out.set("result", receiptsByTxHash.getOrDefault(params.get(0).asText(), NullNode.getInstance()));
      default -> out.putObject("error").put("code", -32601).put("message", "method " + method + " not found");
    }
    return out;
  }

  private JsonNode block(String id, boolean fullTransactions) {
    Long number = id.startsWith("0x") ? Long.decode(id) : labels.get(id);
    JsonNode block = number == null ? null : blocks.get(number);
    if (block == null) {
      return NullNode.getInstance();
    }
    if (fullTransactions) {
      return block;
    }
    ObjectNode header = block.deepCopy();
    ArrayNode hashes = header.putArray("transactions");
    block.get("transactions").forEach(tx -> hashes.add(tx.get("hash").asText()));
    return header;
  }
}
