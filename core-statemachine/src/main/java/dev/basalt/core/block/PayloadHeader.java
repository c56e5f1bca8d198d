package dev.basalt.core.block;

import dev.basalt.core.config.Fork;
import dev.basalt.core.config.RollupConfig;
import dev.basalt.core.engine.ExecutionPayload;
import dev.basalt.core.engine.ExecutionPayloadEnvelope;
import dev.basalt.core.trie.OrderedTrie;
import dev.basalt.core.tx.Bloom;
import dev.basalt.core.types.Bytes;
import dev.basalt.core.types.Hash32;
import java.math.BigInteger;
import java.util.List;

/**
 * The header an execution payload stands for, and so its block hash (op-node {@code
 * ExecutionPayloadEnvelope.CheckBlockHash}): the payload's own fields, the roots it only implies
 * (transactions, and withdrawals from Canyon), post-merge constants (empty ommers, zero difficulty
 * and nonce, prevRandao as mix hash), the Cancun fields with the envelope's parent beacon root from
 * Ecotone, and from Isthmus the payload's {@code withdrawalsRoot} (the message passer's storage
 * root) and the empty requests hash.
 *
 * <p>A payload whose stated hash differs from this header's hash was altered or is malformed;
 * nothing the core has not checked this way reaches the engine as an unsafe block.
 */
public final class PayloadHeader {
  private static final Bytes ZERO_NONCE = Bytes.of(new byte[8]);

  private PayloadHeader() {}

  /**
   * @throws IllegalArgumentException when the payload's optional fields are not a valid fork prefix
   *     (for example blob gas without withdrawals): no header has that shape
   */
  public static BlockHeader of(RollupConfig rollup, ExecutionPayloadEnvelope envelope) {
    ExecutionPayload p = envelope.payload();
    Hash32 withdrawalsRoot = null;
    if (p.withdrawals().isPresent()) {
      withdrawalsRoot = p.withdrawalsRoot().orElseGet(() -> withdrawalsTrieRoot(p.withdrawals().get()));
    }
    Long blobGasUsed = null;
    Long excessBlobGas = null;
    Hash32 beaconRoot = null;
    if (p.blobGasUsed().isPresent() || envelope.parentBeaconBlockRoot().isPresent()) {
      blobGasUsed = p.blobGasUsed().orElse(0);
      excessBlobGas = p.excessBlobGas().orElse(0);
      beaconRoot = envelope.parentBeaconBlockRoot().orElse(Hash32.ZERO);
    }
    Hash32 requestsHash = rollup.isActive(Fork.ISTHMUS, p.timestamp()) ? BlockHeader.EMPTY_REQUESTS_HASH : null;
    return new BlockHeader(p.parentHash(), BlockHeader.EMPTY_OMMERS_HASH, p.feeRecipient(), p.stateRoot(),
        OrderedTrie.root(p.transactions()), p.receiptsRoot(), Bloom.wrap(p.logsBloom().toArray()), BigInteger.ZERO,
        p.blockNumber(), p.gasLimit(), p.gasUsed(), p.timestamp(), p.extraData(), p.prevRandao(), ZERO_NONCE,
        p.baseFeePerGas(), withdrawalsRoot, blobGasUsed, excessBlobGas, beaconRoot, requestsHash);
  }

  /** The hash of the header {@code envelope} stands for; compare with the payload's block hash. */
  public static Hash32 hash(RollupConfig rollup, ExecutionPayloadEnvelope envelope) {
    return of(rollup, envelope).hash();
  }

  /** True when the payload's stated block hash is its header's hash; false for any malformed shape. */
  public static boolean hashMatches(RollupConfig rollup, ExecutionPayloadEnvelope envelope) {
    try {
      return hash(rollup, envelope).equals(envelope.payload().blockHash());
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private static Hash32 withdrawalsTrieRoot(List<Withdrawal> withdrawals) {
    return OrderedTrie.root(withdrawals.stream().map(Withdrawal::encode).toList());
  }
}
