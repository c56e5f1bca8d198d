package dev.basalt.adapters.json;

import com.fasterxml.jackson.databind.JsonNode;
import dev.basalt.core.tx.Bloom;
import dev.basalt.core.tx.Receipt;
import dev.basalt.core.types.Hash32;
import dev.basalt.core.types.Log;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * An L1 receipt as {@code eth_getBlockReceipts} or {@code eth_getTransactionReceipt} returns it:
 * the consensus part ({@link Receipt}: type, status, cumulative gas, bloom, logs), which the
 * receipts root commits to, and the node-added position fields a fetcher checks against the block.
 *
 * @param logIndices each log's {@code logIndex} as the node reports it (block-wide)
 * @param logBlockHashes each log's {@code blockHash}, or null where the node omits it
 */
public record RpcReceipt(
    Hash32 transactionHash,
    long transactionIndex,
    Hash32 blockHash,
    long blockNumber,
    Receipt receipt,
    List<Long> logIndices,
    List<Hash32> logBlockHashes) {

  public RpcReceipt {
    Objects.requireNonNull(transactionHash, "transactionHash");
    Objects.requireNonNull(blockHash, "blockHash");
    Objects.requireNonNull(receipt, "receipt");
    logIndices = List.copyOf(logIndices);
    logBlockHashes = Collections.unmodifiableList(new ArrayList<>(logBlockHashes));
  }

  /**
   * Reads one receipt object.
   *
   * @throws JsonFormatException for a missing or malformed field, a pre-Byzantium receipt (no
   *     {@code status}) or a type no L1 receipt has
   */
  public static RpcReceipt parse(RpcObject r) {
    BigInteger type = r.optionalQuantity("type");
    if (type != null && (type.bitLength() > 8 || type.intValue() > 0x7d)) {
      throw new JsonFormatException(r.fieldPath("type") + ": 0x" + type.toString(16) + " is not an L1 receipt type");
    }
    if (!r.has("status")) {
      throw new JsonFormatException(r.fieldPath("status") + ": missing (pre-Byzantium receipts are not supported)");
    }
    boolean success = r.bool("status", false);
    JsonNode list = r.array("logs");
    List<Log> logs = new ArrayList<>(list.size());
    List<Long> indices = new ArrayList<>(list.size());
    List<Hash32> blockHashes = new ArrayList<>(list.size());
    for (int i = 0; i < list.size(); i++) {
      RpcObject log = new RpcObject(list.get(i), r.fieldPath("logs") + "[" + i + "]");
      if (log.bool("removed", false)) {
        throw new JsonFormatException(log.fieldPath("removed") + ": a canonical receipt's log is never removed");
      }
      try {
        logs.add(new Log(log.address("address"), log.hashes("topics"), log.data("data")));
      } catch (IllegalArgumentException e) {
        throw new JsonFormatException(log.path() + ": " + e.getMessage());
      }
      indices.add(log.u64("logIndex"));
      blockHashes.add(log.optionalHash("blockHash"));
    }
    Bloom bloom = Bloom.wrap(r.data("logsBloom", Bloom.LENGTH).toArray());
    Receipt receipt = new Receipt(type == null ? 0 : type.intValue(), success, r.u64("cumulativeGasUsed"), bloom, logs);
    return new RpcReceipt(r.hash("transactionHash"), r.u64("transactionIndex"), r.hash("blockHash"),
        r.u64("blockNumber"), receipt, indices, blockHashes);
  }
}
