package dev.basalt.adapters.l1;

import com.fasterxml.jackson.databind.JsonNode;
import dev.basalt.adapters.http.CallFailure;
import dev.basalt.adapters.json.RpcReceipt;
import dev.basalt.core.event.FailureKind;
import dev.basalt.core.l1.L1Block;
import dev.basalt.core.tx.Bloom;
import dev.basalt.core.types.Address;
import dev.basalt.core.types.L1BlockRef;
import java.util.List;

/**
 * Fetches one L1 block by number and turns it into the core's {@link L1Block}: the block with full
 * transactions, then its receipts by block hash when they can hold logs of the watched contracts.
 *
 * <p>Receipts are skipped when the header's logs bloom rules out both the deposit contract and the
 * system config contract: a bloom has no false negatives, and without trust the bloom is covered
 * by the verified header hash, so nothing is lost while most blocks cost one call instead of two.
 */
final class L1BlockFetcher {
  private final JsonRpcClient rpc;
  private final BlockReceipts receipts;
  private final boolean trustRpc;
  private final Address batchInbox;
  private final List<Address> watched;

  L1BlockFetcher(JsonRpcClient rpc, boolean trustRpc, Address batchInbox, List<Address> watched) {
    this.rpc = rpc;
    this.receipts = new BlockReceipts(rpc);
    this.trustRpc = trustRpc;
    this.batchInbox = batchInbox;
    this.watched = List.copyOf(watched);
  }

  BlockReceipts receipts() {
    return receipts;
  }

  L1Block fetch(long number) throws CallFailure {
    JsonNode json = rpc.call("eth_getBlockByNumber", List.of(quantity(number), true));
    if (json == null || json.isNull()) {
      throw CallFailure.of(FailureKind.NOT_FOUND, "L1 block " + number + " not found (beyond the node's head?)");
    }
    ParsedL1Block block = L1BlockReader.read(json, batchInbox, !trustRpc);
    if (block.number() != number) {
      throw CallFailure.invalid("asked for L1 block " + number + ", got block " + block.number());
    }
    if (!trustRpc) {
      L1BlockVerifier.verifyHeader(block.header(), block.declaredHash());
      L1BlockVerifier.verifyTransactions(block);
    }
    List<RpcReceipt> blockReceipts = List.of();
    if (mayHaveWatchedLogs(block.header().logsBloom())) {
      blockReceipts = receipts.fetch(block);
      ReceiptChecks.check(block, blockReceipts);
      if (!trustRpc) {
        L1BlockVerifier.verifyReceipts(block, blockReceipts);
      }
    }
    return L1BlockAssembler.assemble(block, blockReceipts, batchInbox, watched);
  }

  /** The block under {@code label} ({@code latest}, {@code safe}, {@code finalized}), header only. */
  L1BlockRef fetchLabel(String label) throws CallFailure {
    JsonNode json = rpc.call("eth_getBlockByNumber", List.of(label, false));
    if (json == null || json.isNull()) {
      throw CallFailure.of(FailureKind.NOT_FOUND, "the L1 node has no '" + label + "' block");
    }
    ParsedL1Block block = L1BlockReader.header(json);
    if (!trustRpc) {
      L1BlockVerifier.verifyHeader(block.header(), block.declaredHash());
    }
    return new L1BlockRef(block.declaredHash(), block.number(), block.header().parentHash(), block.header().timestamp());
  }

  private boolean mayHaveWatchedLogs(Bloom bloom) {
    for (Address a : watched) {
      if (bloom.mightContain(a)) {
        return true;
      }
    }
    return false;
  }

  static String quantity(long number) {
    return "0x" + Long.toHexString(number);
  }
}
