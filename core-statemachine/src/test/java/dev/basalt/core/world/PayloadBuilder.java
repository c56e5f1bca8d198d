package dev.basalt.core.world;

import dev.basalt.core.block.PayloadHeader;
import dev.basalt.core.config.Fork;
import dev.basalt.core.config.RollupConfig;
import dev.basalt.core.crypto.Keccak;
import dev.basalt.core.derive.payload.FeeParamsExtraData;
import dev.basalt.core.engine.ExecutionPayload;
import dev.basalt.core.engine.ExecutionPayloadEnvelope;
import dev.basalt.core.engine.PayloadAttributes;
import dev.basalt.core.types.Address;
import dev.basalt.core.types.Bytes;
import dev.basalt.core.types.Hash32;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * How the toy engine builds a block from attributes: deterministic pseudo-execution (state and
 * receipts roots hash the inputs), real header hashing, and the header fields each fork needs
 * ({@code extraData} fee parameters from Holocene, blob gas from Ecotone, the withdrawals root from
 * Isthmus). Two engines given the same parent and attributes build the same block, which is what
 * lets a scenario compare the node's chain with the world's true chain hash for hash.
 */
public final class PayloadBuilder {
  private static final Bytes EMPTY_BLOOM = Bytes.of(new byte[256]);
  private static final BigInteger BASE_FEE = BigInteger.valueOf(1_000_000_000L);

  private PayloadBuilder() {}

  public static ExecutionPayloadEnvelope genesis(RollupConfig rollup, long timestamp, long gasLimit) {
    boolean ecotone = rollup.isActive(Fork.ECOTONE, timestamp);
    ExecutionPayload p = new ExecutionPayload(Hash32.ZERO, Address.ZERO, Keccak.hash(Bytes.fromHex("0x01")),
        Keccak.hash(Bytes.fromHex("0x02")), EMPTY_BLOOM, Hash32.ZERO, 0, gasLimit, 0, timestamp, Bytes.EMPTY, BASE_FEE,
        Hash32.ZERO, List.of(), rollup.isActive(Fork.CANYON, timestamp) ? Optional.of(List.of()) : Optional.empty(),
        ecotone ? OptionalLong.of(0) : OptionalLong.empty(), ecotone ? OptionalLong.of(0) : OptionalLong.empty(),
        rollup.isActive(Fork.ISTHMUS, timestamp) ? Optional.of(Hash32.ZERO) : Optional.empty());
    return seal(rollup, new ExecutionPayloadEnvelope(p, ecotone ? Optional.of(Hash32.ZERO) : Optional.empty()));
  }

  public static ExecutionPayloadEnvelope build(RollupConfig rollup, ExecutionPayload parent, PayloadAttributes a) {
    long ts = a.timestamp();
    byte[][] inputs = new byte[a.transactions().size() + 2][];
    inputs[0] = parent.stateRoot().toArray();
    inputs[1] = Bytes.fromHex(String.format("0x%016x", ts)).toArray();
    for (int i = 0; i < a.transactions().size(); i++) {
      inputs[i + 2] = Keccak.hash(a.transactions().get(i)).toArray();
    }
    Hash32 stateRoot = Keccak.hash(inputs);
    boolean ecotone = rollup.isActive(Fork.ECOTONE, ts);
    ExecutionPayload p = new ExecutionPayload(parent.blockHash(), a.suggestedFeeRecipient(), stateRoot,
        Keccak.hash(stateRoot.toArray(), new byte[] {1}), EMPTY_BLOOM, a.prevRandao(), parent.blockNumber() + 1, a.gasLimit(),
        21_000L * a.transactions().size(), ts, FeeParamsExtraData.forAttributes(rollup, a.eip1559Params(), a.minBaseFee()),
        BASE_FEE, Hash32.ZERO, a.transactions(), a.withdrawals(), ecotone ? OptionalLong.of(0) : OptionalLong.empty(),
        ecotone ? OptionalLong.of(0) : OptionalLong.empty(),
        rollup.isActive(Fork.ISTHMUS, ts) ? Optional.of(Keccak.hash(stateRoot.toArray(), new byte[] {2})) : Optional.empty());
    return seal(rollup, new ExecutionPayloadEnvelope(p, a.parentBeaconBlockRoot()));
  }

  /** The envelope with its block hash set to its header's hash. */
  public static ExecutionPayloadEnvelope seal(RollupConfig rollup, ExecutionPayloadEnvelope unsealed) {
    return withHash(unsealed, PayloadHeader.hash(rollup, unsealed));
  }

  public static ExecutionPayloadEnvelope withHash(ExecutionPayloadEnvelope e, Hash32 hash) {
    ExecutionPayload p = e.payload();
    return new ExecutionPayloadEnvelope(new ExecutionPayload(p.parentHash(), p.feeRecipient(), p.stateRoot(), p.receiptsRoot(),
        p.logsBloom(), p.prevRandao(), p.blockNumber(), p.gasLimit(), p.gasUsed(), p.timestamp(), p.extraData(),
        p.baseFeePerGas(), hash, p.transactions(), p.withdrawals(), p.blobGasUsed(), p.excessBlobGas(), p.withdrawalsRoot()),
        e.parentBeaconBlockRoot());
  }
}
