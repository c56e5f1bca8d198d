package dev.basalt.adapters.l1;

import com.fasterxml.jackson.databind.JsonNode;
import dev.basalt.adapters.http.CallFailure;
import dev.basalt.adapters.json.JsonFormatException;
import dev.basalt.adapters.json.RpcObject;
import dev.basalt.adapters.json.RpcReceipt;
import dev.basalt.core.event.FailureKind;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A block's receipts, asked for by block hash so they cannot come from a block that replaced it:
 * {@code eth_getBlockReceipts} in one call, or, from nodes without that method, batched {@code
 * eth_getTransactionReceipt} calls. A missing method is detected once and remembered for the life
 * of the adapter (a node does not gain methods while running).
 */
final class BlockReceipts {
  private static final Logger LOG = LoggerFactory.getLogger(BlockReceipts.class);

  private final JsonRpcClient rpc;
  private final AtomicBoolean blockReceiptsMissing = new AtomicBoolean();

  BlockReceipts(JsonRpcClient rpc) {
    this.rpc = rpc;
  }

  /** True once the node has said it lacks {@code eth_getBlockReceipts}. */
  boolean usesFallback() {
    return blockReceiptsMissing.get();
  }

  List<RpcReceipt> fetch(ParsedL1Block block) throws CallFailure {
    if (block.transactions().isEmpty()) {
      return List.of();
    }
    String hash = block.declaredHash().toHex();
    if (!blockReceiptsMissing.get()) {
      try {
        JsonNode all = rpc.call("eth_getBlockReceipts", List.of(hash));
        if (all == null || all.isNull()) {
          throw notFound(block);
        }
        if (!all.isArray()) {
          throw CallFailure.invalid("eth_getBlockReceipts " + hash + ": expected an array of receipts");
        }
        List<JsonNode> items = new ArrayList<>(all.size());
        all.forEach(items::add);
        return parse(items);
      } catch (CallFailure f) {
        if (!JsonRpcErrors.isMethodMissing(f)) {
          throw f;
        }
        blockReceiptsMissing.set(true);
        LOG.info("L1 node lacks eth_getBlockReceipts ({}); using batched eth_getTransactionReceipt from now on",
            f.detail());
      }
    }
    List<List<?>> params = new ArrayList<>(block.transactions().size());
    for (L1TxEntry tx : block.transactions()) {
      params.add(List.of(tx.declaredHash().toHex()));
    }
    List<JsonNode> items = rpc.batch("eth_getTransactionReceipt", params);
    for (JsonNode item : items) {
      if (item == null || item.isNull()) {
        throw notFound(block);
      }
    }
    return parse(items);
  }

  private static CallFailure notFound(ParsedL1Block block) {
    return CallFailure.of(FailureKind.NOT_FOUND, "receipts of L1 block " + block.number() + " "
        + block.declaredHash().toHex() + " not found (reorged out?)");
  }

  private static List<RpcReceipt> parse(List<JsonNode> items) throws CallFailure {
    List<RpcReceipt> out = new ArrayList<>(items.size());
    try {
      for (int i = 0; i < items.size(); i++) {
        out.add(RpcReceipt.parse(new RpcObject(items.get(i), "receipts[" + i + "]")));
      }
    } catch (JsonFormatException | IllegalArgumentException e) {
      throw CallFailure.invalid("malformed receipt: " + e.getMessage());
    }
    return out;
  }
}
