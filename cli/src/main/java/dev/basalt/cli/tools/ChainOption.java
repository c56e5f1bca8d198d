package dev.basalt.cli.tools;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.basalt.adapters.config.ChainRegistry;
import dev.basalt.adapters.config.ConfigException;
import dev.basalt.adapters.config.RegistryChain;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * {@code --chain}: a chain of the embedded superchain registry, by id or name. The tools only read
 * its config, so chains Basalt cannot run (Alt-DA, custom gas token) are accepted too.
 */
final class ChainOption {
  @Option(
      names = "--chain",
      paramLabel = "CHAIN",
      description = "A chain of the embedded superchain registry, by chain id or name (10, op-mainnet, base, ...).")
  String chain;

  Optional<RegistryChain> resolve() {
    if (chain == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(ChainRegistry.embedded().resolve(chain));
    } catch (ConfigException e) {
      throw new BadInputException("--chain: " + e.getMessage());
    }
  }

  /** The chain as it appears in output: {@code {"name", "identifier", "chainId"}}. */
  static ObjectNode describe(RegistryChain chain) {
    ObjectNode out = ToolJson.object();
    out.put("name", chain.displayName());
    out.put("identifier", chain.identifier());
    out.put("chainId", chain.chainId());
    return out;
  }
}
