package dev.basalt.testdata.world.engine;

import dev.basalt.core.config.Fork;
import dev.basalt.core.config.RollupConfig;
import dev.basalt.core.engine.EngineResponse;
import dev.basalt.core.engine.EngineVersions;
import dev.basalt.core.engine.ExecutionPayloadEnvelope;
import dev.basalt.core.engine.PayloadAttributes;
import java.util.Optional;

/**
 * Which method versions and attribute shapes the fake engine accepts for a payload timestamp, as
 * op-geth does: a version for another fork is {@code -38005} (unsupported fork), attributes missing
 * a field their fork requires, or carrying one it does not know, are {@code -38003}.
 */
final class EngineVersionRules {
  private EngineVersionRules() {}

  static Optional<EngineResponse.RpcError> attributes(RollupConfig rollup, PayloadAttributes a, int version) {
    long t = a.timestamp();
    if (a.withdrawals().isPresent() != rollup.isActive(Fork.CANYON, t)) {
      return Optional.of(EngineErrors.invalidAttributes("withdrawals must be present exactly from Canyon"));
    }
    if (a.parentBeaconBlockRoot().isPresent() != rollup.isActive(Fork.ECOTONE, t)) {
      return Optional.of(EngineErrors.invalidAttributes("parentBeaconBlockRoot must be present exactly from Ecotone"));
    }
    if (a.eip1559Params().isPresent() != rollup.isActive(Fork.HOLOCENE, t)) {
      return Optional.of(EngineErrors.invalidAttributes("eip1559Params must be present exactly from Holocene"));
    }
    if (a.minBaseFee().isPresent() != rollup.isActive(Fork.JOVIAN, t)) {
      return Optional.of(EngineErrors.invalidAttributes("minBaseFee must be present exactly from Jovian"));
    }
    int expected = EngineVersions.forkchoiceUpdated(rollup, t, true);
    // geth serves V2 for Paris payloads too, so a pre-Canyon build may come as V1 or V2.
    boolean ok = version == expected || (expected == 1 && version == 2);
    return ok ? Optional.empty()
        : Optional.of(EngineErrors.unsupportedFork("forkchoiceUpdatedV" + version + " for a payload at " + t));
  }

  /**
   * As op-geth checks {@code engine_newPayloadV3+}: a missing parent beacon root is invalid params
   * ({@code -32602}, "nil beaconRoot post-cancun"), before any fork check. Over the wire the root
   * cannot even be carried as absent, so the in-process engine must answer as the wire does.
   */
  static Optional<EngineResponse.RpcError> newPayload(RollupConfig rollup, ExecutionPayloadEnvelope envelope, int version) {
    if (version >= 3 && envelope.parentBeaconBlockRoot().isEmpty()) {
      return Optional.of(new EngineResponse.RpcError(EngineErrors.INVALID_PARAMS, "Invalid params: nil beaconRoot post-cancun"));
    }
    return newPayload(rollup, envelope.payload().timestamp(), version);
  }

  static Optional<EngineResponse.RpcError> newPayload(RollupConfig rollup, long timestamp, int version) {
    int expected = EngineVersions.newPayload(rollup, timestamp);
    return version == expected ? Optional.empty()
        : Optional.of(EngineErrors.unsupportedFork("newPayloadV" + version + " for a payload at " + timestamp + " (V" + expected + ")"));
  }

  static Optional<EngineResponse.RpcError> getPayload(RollupConfig rollup, long timestamp, int version) {
    int expected = EngineVersions.getPayload(rollup, timestamp);
    return version == expected ? Optional.empty()
        : Optional.of(EngineErrors.unsupportedFork("getPayloadV" + version + " for a payload at " + timestamp + " (V" + expected + ")"));
  }
}
