package dev.basalt.adapters.config;

import dev.basalt.core.config.L1ChainConfig;
import dev.basalt.core.config.RollupConfig;
import java.util.List;
import java.util.Objects;

/**
 * Everything a node needs to know about the chain it runs: the rollup config and its L1's config,
 * ready to travel in {@code NodeStarted}.
 *
 * @param source where the rollup config came from ({@code registry mainnet/op}, a file path)
 * @param warnings findings the operator should see at startup
 */
public record NodeChainConfig(RollupConfig rollup, L1ChainConfig l1, String source, List<String> warnings) {
  public NodeChainConfig {
    Objects.requireNonNull(rollup, "rollup");
    Objects.requireNonNull(l1, "l1");
    Objects.requireNonNull(source, "source");
    warnings = List.copyOf(warnings);
  }
}
