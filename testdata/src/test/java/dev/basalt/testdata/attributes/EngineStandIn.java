package dev.basalt.testdata.attributes;

import dev.basalt.core.config.RollupConfig;
import dev.basalt.core.derive.payload.FeeParamsExtraData;
import dev.basalt.core.engine.ExecutionPayload;
import dev.basalt.core.engine.ExecutionPayloadEnvelope;
import dev.basalt.core.engine.PayloadAttributes;
import dev.basalt.core.types.Address;
import dev.basalt.core.types.Bytes;
import dev.basalt.core.types.Hash32;
import dev.basalt.core.types.L2BlockRef;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Blocks as an engine builds them from attributes: the derivation-decided fields copied, extraData
 * written per the Holocene/Jovian exec-engine specs, execution results made up.
 */
final class EngineStandIn {
  private EngineStandIn() {}

  static ExecutionPayload genesis(RollupConfig rollup) {
    return new ExecutionPayload(Hash32.ZERO, Address.ZERO, Hash32.ZERO, Hash32.ZERO, Bytes.of(new byte[256]), Hash32.ZERO,
        rollup.genesis().l2().number(), rollup.genesis().systemConfig().gasLimit(), 0, rollup.genesis().l2Time(), Bytes.EMPTY,
        BigInteger.valueOf(1_000_000_000), rollup.genesis().l2().hash(), List.of(), Optional.empty(), OptionalLong.empty(),
        OptionalLong.empty(), Optional.empty());
  }

  static ExecutionPayload build(RollupConfig rollup, PayloadAttributes a, L2BlockRef parent, Hash32 hash) {
    boolean cancun = a.parentBeaconBlockRoot().isPresent();
    return new ExecutionPayload(parent.hash(), a.suggestedFeeRecipient(), Hash32.ZERO, Hash32.ZERO, Bytes.of(new byte[256]),
        a.prevRandao(), parent.number() + 1, a.gasLimit(), 21_000, a.timestamp(),
        FeeParamsExtraData.forAttributes(rollup, a.eip1559Params(), a.minBaseFee()), BigInteger.ONE, hash, a.transactions(),
        a.withdrawals(), cancun ? OptionalLong.of(0) : OptionalLong.empty(), cancun ? OptionalLong.of(0) : OptionalLong.empty(),
        Optional.empty());
  }

  static ExecutionPayloadEnvelope envelope(ExecutionPayload block, PayloadAttributes a) {
    return new ExecutionPayloadEnvelope(block, a.parentBeaconBlockRoot());
  }
}
