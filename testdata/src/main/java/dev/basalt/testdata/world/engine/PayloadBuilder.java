package dev.basalt.testdata.world.engine;

import dev.basalt.core.config.Fork;
import dev.basalt.core.config.RollupConfig;
import dev.basalt.core.derive.payload.FeeParamsExtraData;
import dev.basalt.core.engine.ExecutionPayload;
import dev.basalt.core.engine.ExecutionPayloadEnvelope;
import dev.basalt.core.engine.PayloadAttributes;
import dev.basalt.core.trie.OrderedTrie;
import dev.basalt.core.types.Bytes;
import dev.basalt.core.types.Hash32;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Builds a block from OP payload attributes the way an OP execution engine fills the header:
 * parent hash, fee recipient, prevRandao, number, timestamp and gas limit from the attributes;
 * {@code extraData} holding the fee parameters (Holocene and Jovian forms, see {@link
 * FeeParamsExtraData#forAttributes}); withdrawals {@code []} from Canyon; the parent beacon root
 * from Ecotone; Isthmus's {@code withdrawalsRoot}; transactions = the attributes' forced
 * transactions, then pool transactions unless {@code noTxPool}. Execution results come from {@link
 * PseudoExecution}.
 */
public final class PayloadBuilder {
  private PayloadBuilder() {}

  public static ExecutionPayloadEnvelope build(RollupConfig rollup, ExecutionPayload parent, PayloadAttributes attributes,
      List<Bytes> poolTxs) {
    return build(new EngineMemo(rollup), parent, attributes, poolTxs);
  }

  /** As {@link #build(RollupConfig, ExecutionPayload, PayloadAttributes, List)}, executing and hashing through {@code memo}. */
  public static ExecutionPayloadEnvelope build(EngineMemo memo, ExecutionPayload parent, PayloadAttributes attributes,
      List<Bytes> poolTxs) {
    RollupConfig rollup = memo.rollup();
    List<Bytes> txs = new ArrayList<>(attributes.transactions());
    if (!attributes.noTxPool()) {
      txs.addAll(poolTxs);
    }
    long number = parent.blockNumber() + 1;
    long timestamp = attributes.timestamp();
    EngineMemo.Executed executed = memo.executeShared(parent, number, timestamp, txs);
    PseudoExecution.Result r = executed.result();
    boolean ecotone = rollup.isActive(Fork.ECOTONE, timestamp);
    Bytes extraData = FeeParamsExtraData.forAttributes(rollup, attributes.eip1559Params(), attributes.minBaseFee());
    ExecutionPayload unsealed = new ExecutionPayload(parent.blockHash(), attributes.suggestedFeeRecipient(), r.stateRoot(),
        r.receiptsRoot(), Bytes.of(new byte[256]), attributes.prevRandao(), number, attributes.gasLimit(), r.gasUsed(), timestamp,
        extraData, r.baseFee(), Hash32.ZERO, executed.txs(), attributes.withdrawals(),
        ecotone ? OptionalLong.of(r.blobGasUsed()) : OptionalLong.empty(), ecotone ? OptionalLong.of(0) : OptionalLong.empty(),
        rollup.isActive(Fork.ISTHMUS, timestamp) ? Optional.of(r.withdrawalsRoot()) : Optional.empty());
    return memo.sealed(new ExecutionPayloadEnvelope(unsealed, attributes.parentBeaconBlockRoot()));
  }

  /**
   * Re-executes {@code payload} on {@code parent} and says what differs from what the payload
   * claims, or empty when it matches (the fake engine's stand-in for block validation).
   */
  public static Optional<String> verifyExecution(RollupConfig rollup, ExecutionPayload parent, ExecutionPayload payload) {
    return verifyExecution(new EngineMemo(rollup), parent, payload);
  }

  /** As {@link #verifyExecution(RollupConfig, ExecutionPayload, ExecutionPayload)}, executing through {@code memo}. */
  public static Optional<String> verifyExecution(EngineMemo memo, ExecutionPayload parent, ExecutionPayload payload) {
    PseudoExecution.Result r = memo.execute(parent, payload.blockNumber(), payload.timestamp(), payload.transactions());
    if (r.gasUsed() != payload.gasUsed()) {
      return Optional.of("gas used " + payload.gasUsed() + ", executed " + r.gasUsed());
    }
    if (!r.receiptsRoot().equals(payload.receiptsRoot())) {
      return Optional.of("receipts root " + payload.receiptsRoot() + ", executed " + r.receiptsRoot());
    }
    if (!r.stateRoot().equals(payload.stateRoot())) {
      return Optional.of("state root " + payload.stateRoot() + ", executed " + r.stateRoot());
    }
    if (!r.baseFee().equals(payload.baseFeePerGas())) {
      return Optional.of("base fee " + payload.baseFeePerGas() + ", expected " + r.baseFee());
    }
    if (payload.timestamp() <= parent.timestamp() || payload.blockNumber() != parent.blockNumber() + 1) {
      return Optional.of("not a child of its parent by number and time");
    }
    return Optional.empty();
  }

  /**
   * The L2 genesis block of a chain whose genesis activates the forks active at {@code timestamp}:
   * no transactions, the gas limit given, fee parameters in {@code extraData} from Holocene (the
   * chain defaults, minimum base fee 0 from Jovian), as op-geth's genesis does.
   */
  public static ExecutionPayloadEnvelope genesis(RollupConfig forks, long number, long timestamp, long gasLimit) {
    boolean canyon = forks.isActive(Fork.CANYON, timestamp);
    boolean ecotone = forks.isActive(Fork.ECOTONE, timestamp);
    Optional<Bytes> params = forks.isActive(Fork.HOLOCENE, timestamp)
        ? Optional.of(FeeParamsExtraData.eip1559Params(0, 0)) : Optional.empty();
    OptionalLong minBaseFee = forks.isActive(Fork.JOVIAN, timestamp) ? OptionalLong.of(0) : OptionalLong.empty();
    ExecutionPayload p = new ExecutionPayload(Hash32.ZERO, dev.basalt.core.types.Address.ZERO,
        dev.basalt.core.crypto.Keccak.hash("basalt-sim-l2-genesis".getBytes(java.nio.charset.StandardCharsets.US_ASCII)),
        OrderedTrie.EMPTY_ROOT, Bytes.of(new byte[256]), Hash32.ZERO, number, gasLimit, 0, timestamp,
        FeeParamsExtraData.forAttributes(forks, params, minBaseFee), java.math.BigInteger.valueOf(1_000_000_000L), Hash32.ZERO,
        List.of(), canyon ? Optional.of(List.of()) : Optional.empty(), ecotone ? OptionalLong.of(0) : OptionalLong.empty(),
        ecotone ? OptionalLong.of(0) : OptionalLong.empty(),
        forks.isActive(Fork.ISTHMUS, timestamp) ? Optional.of(OrderedTrie.EMPTY_ROOT) : Optional.empty());
    return L2Headers.sealed(forks, new ExecutionPayloadEnvelope(p, ecotone ? Optional.of(Hash32.ZERO) : Optional.empty()));
  }
}
