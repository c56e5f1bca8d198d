package dev.basalt.adapters.config;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * What the operator asked for on the command line.
 *
 * @param chain {@code --chain}/{@code -c} (kona) or {@code --network} (op-node): a chain id or name
 * @param rollupConfigFile {@code --rollup-cfg} (kona) / {@code --rollup.config} (op-node)
 * @param l1ConfigFile {@code --rollup-l1-cfg} (kona) / {@code --rollup.l1-chain-config} (op-node)
 */
public record ChainSelection(Optional<String> chain, Optional<Path> rollupConfigFile, Optional<Path> l1ConfigFile) {
  public ChainSelection {
    Objects.requireNonNull(chain, "chain");
    Objects.requireNonNull(rollupConfigFile, "rollupConfigFile");
    Objects.requireNonNull(l1ConfigFile, "l1ConfigFile");
  }

  public static ChainSelection chain(String selector) {
    return new ChainSelection(Optional.of(selector), Optional.empty(), Optional.empty());
  }

  public static ChainSelection file(Path rollupConfig) {
    return new ChainSelection(Optional.empty(), Optional.of(rollupConfig), Optional.empty());
  }

  public ChainSelection withL1ConfigFile(Path file) {
    return new ChainSelection(chain, rollupConfigFile, Optional.of(file));
  }
}
