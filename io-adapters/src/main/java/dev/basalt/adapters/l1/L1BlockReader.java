package dev.basalt.adapters.l1;

import com.fasterxml.jackson.databind.JsonNode;
import dev.basalt.adapters.http.CallFailure;
import dev.basalt.adapters.json.JsonFormatException;
import dev.basalt.adapters.json.RpcHeaders;
import dev.basalt.adapters.json.RpcObject;
import dev.basalt.adapters.json.RpcTransactions;
import dev.basalt.core.block.BlockHeader;
import dev.basalt.core.crypto.Keccak;
import dev.basalt.core.tx.TxType;
import dev.basalt.core.types.Address;
import dev.basalt.core.types.Bytes;
import dev.basalt.core.types.Hash32;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads {@code eth_getBlockByNumber(n, true)} results into {@link ParsedL1Block}s. Pure: no I/O.
 *
 * <p>Envelopes are rebuilt from the JSON fields through the shared converter. Every rebuilt
 * envelope must hash to the transaction's declared {@code hash}: that catches a node (or a
 * converter) that gets a field wrong before the bytes reach derivation. With a trusted RPC only
 * batch-inbox transactions are rebuilt, since nothing else needs their bytes.
 */
final class L1BlockReader {
  private L1BlockReader() {}

  /** A header alone (labels polled with {@code false}): its ref fields and declared hash. */
  static ParsedL1Block header(JsonNode block) throws CallFailure {
    try {
      RpcObject b = new RpcObject(block, "block");
      return new ParsedL1Block(RpcHeaders.header(b), b.hash("hash"), List.of());
    } catch (JsonFormatException | IllegalArgumentException e) {
      throw CallFailure.invalid("malformed block: " + e.getMessage());
    }
  }

  /**
   * The block with its transactions.
   *
   * @param rebuildAll rebuild every envelope (needed to recompute the transactions root), not only
   *     the batch inbox's
   */
  static ParsedL1Block read(JsonNode block, Address batchInbox, boolean rebuildAll) throws CallFailure {
    try {
      RpcObject b = new RpcObject(block, "block");
      BlockHeader header = RpcHeaders.header(b);
      JsonNode list = b.array("transactions");
      List<L1TxEntry> txs = new ArrayList<>(list.size());
      for (int i = 0; i < list.size(); i++) {
        txs.add(entry(new RpcObject(list.get(i), "block.transactions[" + i + "]"), i, batchInbox, rebuildAll));
      }
      return new ParsedL1Block(header, b.hash("hash"), txs);
    } catch (JsonFormatException | IllegalArgumentException e) {
      throw CallFailure.invalid("malformed block: " + e.getMessage());
    }
  }

  private static L1TxEntry entry(RpcObject tx, int index, Address inbox, boolean rebuildAll) throws CallFailure {
    Hash32 declared = tx.hash("hash");
    Address to = tx.optionalAddress("to");
    int type = RpcTransactions.type(tx);
    // Only type-3 transactions carry blobs; a blob list on another type is not part of its envelope.
    int blobs = type == TxType.BLOB.typeByte() ? tx.array("blobVersionedHashes").size() : 0;
    Bytes envelope = null;
    if (rebuildAll || inbox.equals(to)) {
      envelope = RpcTransactions.envelope(tx);
      Hash32 rebuilt = Keccak.hash(envelope);
      if (!rebuilt.equals(declared)) {
        throw CallFailure.invalid(tx.path() + ": its fields hash to " + rebuilt.toHex()
            + " but the node says " + declared.toHex());
      }
    }
    if (tx.has("transactionIndex") && tx.u64("transactionIndex") != index) {
      throw CallFailure.invalid(tx.fieldPath("transactionIndex") + ": " + tx.u64("transactionIndex")
          + " at position " + index);
    }
    return new L1TxEntry(index, declared, to, blobs, envelope);
  }
}
