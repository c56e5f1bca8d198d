package dev.basalt.adapters.l1;

import dev.basalt.adapters.http.CallFailure;
import dev.basalt.adapters.json.RpcReceipt;
import dev.basalt.core.block.BlockHeader;
import dev.basalt.core.trie.OrderedTrie;
import dev.basalt.core.tx.ReceiptCodec;
import dev.basalt.core.types.Bytes;
import dev.basalt.core.types.Hash32;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code --l1-trust-rpc=false} checks: the header must hash to the block hash the node gives,
 * and the transactions and receipts must rebuild the roots that header commits to. Together they
 * tie every byte the adapter hands to the core to the block hash, which the core links by parent
 * hash: a lying node can then only withhold, not forge.
 */
final class L1BlockVerifier {
  private L1BlockVerifier() {}

  /** keccak(rlp(header)) must be the declared hash. */
  static void verifyHeader(BlockHeader header, Hash32 declaredHash) throws CallFailure {
    Hash32 computed = header.hash();
    if (!computed.equals(declaredHash)) {
      throw CallFailure.invalid("block " + header.number() + ": header fields hash to " + computed.toHex()
          + " but the node says " + declaredHash.toHex());
    }
  }

  /** The transactions root over every rebuilt envelope must be the header's. */
  static void verifyTransactions(ParsedL1Block block) throws CallFailure {
    List<Bytes> envelopes = new ArrayList<>(block.transactions().size());
    for (L1TxEntry tx : block.transactions()) {
      envelopes.add(tx.envelope());
    }
    Hash32 computed = OrderedTrie.root(envelopes);
    if (!computed.equals(block.header().transactionsRoot())) {
      throw CallFailure.invalid("block " + block.number() + ": its " + envelopes.size()
          + " transactions build root " + computed.toHex() + " but the header says "
          + block.header().transactionsRoot().toHex());
    }
  }

  /** The receipts root over the receipts' consensus encodings must be the header's. */
  static void verifyReceipts(ParsedL1Block block, List<RpcReceipt> receipts) throws CallFailure {
    List<Bytes> encoded = new ArrayList<>(receipts.size());
    for (RpcReceipt r : receipts) {
      encoded.add(Bytes.wrapOwned(ReceiptCodec.encode(r.receipt())));
    }
    Hash32 computed = OrderedTrie.root(encoded);
    if (!computed.equals(block.header().receiptsRoot())) {
      throw CallFailure.invalid("block " + block.number() + ": its " + receipts.size()
          + " receipts build root " + computed.toHex() + " but the header says "
          + block.header().receiptsRoot().toHex());
    }
  }
}
