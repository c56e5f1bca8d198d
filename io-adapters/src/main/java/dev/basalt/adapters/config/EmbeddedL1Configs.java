package dev.basalt.adapters.config;

import dev.basalt.core.config.L1ChainConfig;
import java.util.List;
import java.util.Optional;

/**
 * The L1 chain configs shipped in the jar ({@code l1/*.json}, sources in {@code l1/PROVENANCE.md}):
 * Ethereum mainnet and Sepolia, read with the same parser as an operator's file.
 */
public final class EmbeddedL1Configs {
  public static final long ETHEREUM_MAINNET = 1;
  public static final long SEPOLIA = 11155111;

  private static final List<L1ChainConfig> ALL = List.of(load("l1/mainnet.json"), load("l1/sepolia.json"));

  private EmbeddedL1Configs() {}

  private static L1ChainConfig load(String path) {
    return L1ChainConfigParser.parse(Resources.read(path), path).config();
  }

  public static List<L1ChainConfig> all() {
    return ALL;
  }

  public static Optional<L1ChainConfig> forChainId(long chainId) {
    return ALL.stream().filter(c -> c.chainId() == chainId).findFirst();
  }
}
