package dev.basalt.adapters.l1;

import dev.basalt.adapters.http.CallFailure;
import dev.basalt.adapters.json.RpcReceipt;
import dev.basalt.core.block.BlockHeader;
import dev.basalt.core.l1.InboxTransaction;
import dev.basalt.core.l1.L1Block;
import dev.basalt.core.types.Address;
import dev.basalt.core.types.L1BlockRef;
import dev.basalt.core.types.Log;
import dev.basalt.core.types.ReceiptLog;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/** Builds the core's {@link L1Block} from a parsed (and, unless trusted, verified) block. Pure. */
final class L1BlockAssembler {
  private L1BlockAssembler() {}

  /**
   * @param receipts the block's receipts, already checked, or an empty list when the header's bloom
   *     proves that neither contract logged anything in this block
   * @param watched the deposit contract and the system config contract
   */
  static L1Block assemble(ParsedL1Block block, List<RpcReceipt> receipts, Address batchInbox, List<Address> watched)
      throws CallFailure {
    BlockHeader h = block.header();
    if (h.baseFeePerGas() == null) {
      throw CallFailure.invalid("block " + h.number() + " has no baseFeePerGas: rollups need post-London L1 blocks");
    }
    L1BlockRef ref = new L1BlockRef(block.declaredHash(), h.number(), h.parentHash(), h.timestamp());
    return new L1Block(ref, h.baseFeePerGas(), h.mixHash(),
        h.excessBlobGas() == null ? OptionalLong.empty() : OptionalLong.of(h.excessBlobGas()),
        Optional.ofNullable(h.parentBeaconBlockRoot()), inboxTransactions(block, batchInbox), logs(receipts, watched));
  }

  /**
   * Transactions to the batch inbox. Blob indices count the blobs of every earlier transaction of
   * the block, inbox or not, as op-node's blob data source does: the beacon API numbers a block's
   * blobs across all its transactions.
   */
  static List<InboxTransaction> inboxTransactions(ParsedL1Block block, Address batchInbox) {
    List<InboxTransaction> out = new ArrayList<>();
    int blobsBefore = 0;
    for (L1TxEntry tx : block.transactions()) {
      if (batchInbox.equals(tx.to())) {
        out.add(new InboxTransaction(tx.index(), tx.envelope(), tx.blobCount() == 0 ? 0 : blobsBefore));
      }
      blobsBefore += tx.blobCount();
    }
    return out;
  }

  /** Logs emitted by a watched contract, with their block-wide index and their receipt's status. */
  static List<ReceiptLog> logs(List<RpcReceipt> receipts, List<Address> watched) {
    List<ReceiptLog> out = new ArrayList<>();
    for (RpcReceipt r : receipts) {
      List<Log> logs = r.receipt().logs();
      for (int j = 0; j < logs.size(); j++) {
        if (watched.contains(logs.get(j).address())) {
          out.add(new ReceiptLog(logs.get(j), r.logIndices().get(j), r.receipt().success()));
        }
      }
    }
    return out;
  }
}
