package dev.basalt.adapters.rpc;

import dev.basalt.adapters.status.StatusBoard;
import dev.basalt.core.config.RollupConfig;
import java.util.Objects;
import java.util.Optional;

/**
 * What the RPC methods read and where state-changing requests go.
 *
 * @param status the core's latest published status (read-only queries)
 * @param rollup the chain's configuration ({@code optimism_rollupConfig})
 * @param version the node's version string ({@code optimism_version}, {@code /healthz})
 * @param safeHeads the safe-head database; empty when the node runs without one
 * @param l2 read access to the engine ({@code optimism_outputAtBlock})
 * @param core the bridge to the core for admin requests (also the node's {@code RpcPort})
 * @param logLevels the hook {@code admin_setLogLevel} calls
 */
public record RpcBackends(
    StatusBoard status,
    RollupConfig rollup,
    String version,
    Optional<SafeHeadReader> safeHeads,
    L2Reader l2,
    CoreBridge core,
    LogLevelHook logLevels) {
  public RpcBackends {
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(rollup, "rollup");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(safeHeads, "safeHeads");
    Objects.requireNonNull(l2, "l2");
    Objects.requireNonNull(core, "core");
    Objects.requireNonNull(logLevels, "logLevels");
  }
}
