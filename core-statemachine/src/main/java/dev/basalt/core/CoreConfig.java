package dev.basalt.core;

import dev.basalt.core.config.L1ChainConfig;
import dev.basalt.core.config.RollupConfig;
import java.util.Objects;

/**
 * Everything the core needs to know about its configuration. It arrives inside the
 * {@link dev.basalt.core.event.NodeStarted} event, so a journal alone is enough to replay a run.
 *
 * @param rollup the rollup's protocol configuration
 * @param l1 the L1 chain's fork and blob-fee schedule (the L1-info deposit depends on it)
 * @param mode validator or sequencer
 */
public record CoreConfig(RollupConfig rollup, L1ChainConfig l1, NodeMode mode) {
  public CoreConfig {
    Objects.requireNonNull(rollup, "rollup");
    Objects.requireNonNull(l1, "l1");
    Objects.requireNonNull(mode, "mode");
    if (l1.chainId() != rollup.l1ChainId()) {
      throw new IllegalArgumentException(
          "L1 config is for chain " + l1.chainId() + " but the rollup settles on " + rollup.l1ChainId());
    }
  }

  public long l1ChainId() {
    return rollup.l1ChainId();
  }

  public long l2ChainId() {
    return rollup.l2ChainId();
  }

  public long blockTimeSeconds() {
    return rollup.blockTimeSeconds();
  }
}
