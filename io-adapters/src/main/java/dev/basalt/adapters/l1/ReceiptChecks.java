package dev.basalt.adapters.l1;

import dev.basalt.adapters.http.CallFailure;
import dev.basalt.adapters.json.RpcReceipt;
import dev.basalt.core.types.Hash32;
import java.util.List;

/**
 * Cheap consistency checks on a block's receipts, made whether or not the RPC is trusted (op-node
 * makes them too): one receipt per transaction, in order, each naming this block and its
 * transaction, and log indices counting up from 0 across the block. Nodes behind load balancers
 * do return receipts of another block or an incomplete list.
 */
final class ReceiptChecks {
  private ReceiptChecks() {}

  static void check(ParsedL1Block block, List<RpcReceipt> receipts) throws CallFailure {
    String where = "block " + block.number() + " " + block.declaredHash().toHex();
    List<L1TxEntry> txs = block.transactions();
    if (receipts.size() != txs.size()) {
      throw CallFailure.invalid(where + ": " + receipts.size() + " receipts for " + txs.size() + " transactions");
    }
    long logIndex = 0;
    for (int i = 0; i < receipts.size(); i++) {
      RpcReceipt r = receipts.get(i);
      String at = where + ": receipt " + i;
      if (r.transactionIndex() != i) {
        throw CallFailure.invalid(at + " has transactionIndex " + r.transactionIndex());
      }
      if (!r.transactionHash().equals(txs.get(i).declaredHash())) {
        throw CallFailure.invalid(at + " is for transaction " + r.transactionHash().toHex() + ", not "
            + txs.get(i).declaredHash().toHex());
      }
      if (!r.blockHash().equals(block.declaredHash()) || r.blockNumber() != block.number()) {
        throw CallFailure.invalid(at + " belongs to block " + r.blockNumber() + " " + r.blockHash().toHex());
      }
      for (int j = 0; j < r.logIndices().size(); j++, logIndex++) {
        if (r.logIndices().get(j) != logIndex) {
          throw CallFailure.invalid(at + " log " + j + " has logIndex " + r.logIndices().get(j) + ", expected " + logIndex);
        }
        Hash32 logBlock = r.logBlockHashes().get(j);
        if (logBlock != null && !logBlock.equals(block.declaredHash())) {
          throw CallFailure.invalid(at + " log " + j + " belongs to block " + logBlock.toHex());
        }
      }
    }
  }
}
