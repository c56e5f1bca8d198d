package dev.basalt.testdata.world.engine;

import dev.basalt.core.block.BlockHeader;
import dev.basalt.core.block.Withdrawal;
import dev.basalt.core.config.Fork;
import dev.basalt.core.config.RollupConfig;
import dev.basalt.core.engine.ExecutionPayload;
import dev.basalt.core.engine.ExecutionPayloadEnvelope;
import dev.basalt.core.trie.OrderedTrie;
import dev.basalt.core.tx.Bloom;
import dev.basalt.core.types.Bytes;
import dev.basalt.core.types.Hash32;
import dev.basalt.testdata.world.trie.OrderedRoots;
import java.math.BigInteger;
import java.util.List;

/**
 * The header an OP execution engine derives from a payload, and so the block hash: the payload's
 * fields plus the transactions root, the withdrawals root (the empty list's from Canyon, the
 * payload's {@code withdrawalsRoot} from Isthmus), the Cancun fields with the envelope's parent
 * beacon root from Ecotone, and the empty requests hash from Isthmus.
 */
public final class L2Headers {
  private static final Bytes ZERO_NONCE = Bytes.of(new byte[8]);

  private L2Headers() {}

  public static BlockHeader header(RollupConfig rollup, ExecutionPayloadEnvelope envelope) {
    return header(rollup, envelope, OrderedRoots.root(envelope.payload().transactions()));
  }

  /** As {@link #header(RollupConfig, ExecutionPayloadEnvelope)} with the transactions' root known: {@code OrderedTrie.root(transactions)}. */
  static BlockHeader header(RollupConfig rollup, ExecutionPayloadEnvelope envelope, Hash32 transactionsRoot) {
    ExecutionPayload p = envelope.payload();
    Hash32 withdrawalsRoot = null;
    if (p.withdrawals().isPresent()) {
      withdrawalsRoot = p.withdrawalsRoot()
          .orElseGet(() -> OrderedTrie.root(p.withdrawals().get().stream().map(Withdrawal::encode).toList()));
    }
    Long blobGasUsed = null;
    Long excessBlobGas = null;
    Hash32 beaconRoot = null;
    if (p.blobGasUsed().isPresent()) {
      blobGasUsed = p.blobGasUsed().getAsLong();
      excessBlobGas = p.excessBlobGas().orElse(0);
      beaconRoot = envelope.parentBeaconBlockRoot().orElse(Hash32.ZERO);
    }
    Hash32 requestsHash = rollup.isActive(Fork.ISTHMUS, p.timestamp()) ? BlockHeader.EMPTY_REQUESTS_HASH : null;
    return new BlockHeader(p.parentHash(), BlockHeader.EMPTY_OMMERS_HASH, p.feeRecipient(), p.stateRoot(),
        transactionsRoot, p.receiptsRoot(), Bloom.wrap(p.logsBloom().toArray()), BigInteger.ZERO,
        p.blockNumber(), p.gasLimit(), p.gasUsed(), p.timestamp(), p.extraData(), p.prevRandao(), ZERO_NONCE,
        p.baseFeePerGas(), withdrawalsRoot, blobGasUsed, excessBlobGas, beaconRoot, requestsHash);
  }

  /** The hash the payload's header has (compare with {@link ExecutionPayload#blockHash()}). */
  public static Hash32 hash(RollupConfig rollup, ExecutionPayloadEnvelope envelope) {
    return header(rollup, envelope).hash();
  }

  /** The same payload carrying {@code blockHash}. */
  static ExecutionPayload withHash(ExecutionPayload p, Hash32 blockHash) {
    return new ExecutionPayload(p.parentHash(), p.feeRecipient(), p.stateRoot(), p.receiptsRoot(), p.logsBloom(), p.prevRandao(),
        p.blockNumber(), p.gasLimit(), p.gasUsed(), p.timestamp(), p.extraData(), p.baseFeePerGas(), blockHash, p.transactions(),
        p.withdrawals(), p.blobGasUsed(), p.excessBlobGas(), p.withdrawalsRoot());
  }

  /** The envelope with its block hash set to its header's hash. */
  public static ExecutionPayloadEnvelope sealed(RollupConfig rollup, ExecutionPayloadEnvelope unsealed) {
    Hash32 hash = hash(rollup, unsealed);
    return new ExecutionPayloadEnvelope(withHash(unsealed.payload(), hash), unsealed.parentBeaconBlockRoot());
  }

  /** An empty-transactions placeholder list, for readability at call sites. */
  static final List<Bytes> NO_TXS = List.of();
}
