package dev.basalt.cli.flags;

import dev.basalt.adapters.config.ChainSelection;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Which chain: a registry chain by id or name, or rollup and L1 config files. */
@Command(description = "Chain")
public final class ChainFlags {
  @Option(names = {"--chain", "-c", "--l2-chain-id", "--network"}, paramLabel = "ID|NAME", defaultValue = "10",
      description = "L2 chain id or name from the embedded superchain registry (op-mainnet, base, 11155420, ...;"
          + " 'basalt registry' lists them; op-node's --network names work too).")
  @Env("KONA_NODE_L2_CHAIN_ID")
  String chain;

  @Option(names = {"--l2-config-file", "--rollup-cfg", "--rollup.config"}, paramLabel = "FILE",
      description = "rollup.json to use instead of the registry.")
  @Env({"KONA_NODE_ROLLUP_CONFIG", "OP_NODE_ROLLUP_CONFIG"})
  Path l2ConfigFile;

  @Option(names = {"--l1-config-file", "--rollup-l1-cfg", "--rollup.l1-chain-config"}, paramLabel = "FILE",
      description = "L1 chain config or genesis JSON (blob schedule) instead of the built-in one.")
  @Env({"KONA_NODE_L1_CHAIN_CONFIG", "OP_NODE_ROLLUP_L1_CHAIN_CONFIG"})
  Path l1ConfigFile;

  @Option(names = "--interop.dependency-set", paramLabel = "FILE", description = "Interop dependency set (interop is not supported).")
  @Env("KONA_NODE_INTEROP_DEPENDENCY_SET")
  Path interopDependencySet;

  /**
   * The registry chain, or a rollup file; with both, the loader checks that the file is that
   * chain's config, so the default chain counts only when the operator chose it.
   *
   * @param chainChosen whether --chain or its variable was given
   */
  public ChainSelection selection(boolean chainChosen) {
    Optional<String> selector = l2ConfigFile == null || chainChosen ? Optional.of(chain) : Optional.empty();
    return new ChainSelection(selector, Optional.ofNullable(l2ConfigFile), Optional.ofNullable(l1ConfigFile));
  }

  public String chain() {
    return chain;
  }
}
