package dev.basalt.core.derive.attributes;

import dev.basalt.core.config.RollupConfig;
import dev.basalt.core.derive.payload.FeeParamsExtraData;
import dev.basalt.core.engine.ExecutionPayload;
import dev.basalt.core.engine.PayloadAttributes;
import dev.basalt.core.types.Bytes;
import dev.basalt.core.types.Hash32;
import java.math.BigInteger;
import java.util.Optional;
import java.util.OptionalLong;

/** The block an engine would build from attributes; execution results (roots, gas used) are made up. */
final class TestPayloads {
  private TestPayloads() {}

  static ExecutionPayload build(RollupConfig rollup, PayloadAttributes a, long number, Hash32 parentHash, Hash32 hash) {
    return new ExecutionPayload(parentHash, a.suggestedFeeRecipient(), Hash32.ZERO, Hash32.ZERO, Bytes.of(new byte[256]),
        a.prevRandao(), number, a.gasLimit(), 21_000, a.timestamp(),
        FeeParamsExtraData.forAttributes(rollup, a.eip1559Params(), a.minBaseFee()), BigInteger.ONE, hash, a.transactions(),
        a.withdrawals(), a.parentBeaconBlockRoot().isPresent() ? OptionalLong.of(0) : OptionalLong.empty(),
        a.parentBeaconBlockRoot().isPresent() ? OptionalLong.of(0) : OptionalLong.empty(), Optional.empty());
  }
}
