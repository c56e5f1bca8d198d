package dev.basalt.core.config;

import dev.basalt.core.types.BlockId;
import java.util.Objects;

/** Where the rollup starts: its L1 and L2 genesis blocks, L2 genesis time and system config. */
public record ChainGenesis(BlockId l1, BlockId l2, long l2Time, SystemConfig systemConfig) {
  public ChainGenesis {
    Objects.requireNonNull(l1, "l1");
    Objects.requireNonNull(l2, "l2");
    Objects.requireNonNull(systemConfig, "systemConfig");
  }
}
