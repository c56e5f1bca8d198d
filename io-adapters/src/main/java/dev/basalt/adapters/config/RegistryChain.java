package dev.basalt.adapters.config;

import dev.basalt.core.config.Fork;
import dev.basalt.core.config.RollupConfig;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One chain of a registry, with the names operators select it by.
 *
 * @param superchain the superchain directory ({@code mainnet}, {@code sepolia}, ...)
 * @param shortName the chain's file name without {@code .toml} ({@code op}, {@code base})
 * @param displayName the registry's {@code name} ({@code OP Mainnet})
 * @param config the rollup config, including any {@link dev.basalt.core.config.UnsupportedFeature}s
 * @param warnings non-fatal findings while loading (unknown informational keys)
 */
public record RegistryChain(String superchain, String shortName, String displayName, RollupConfig config, List<String> warnings) {
  public RegistryChain {
    Objects.requireNonNull(superchain, "superchain");
    Objects.requireNonNull(shortName, "shortName");
    Objects.requireNonNull(displayName, "displayName");
    Objects.requireNonNull(config, "config");
    warnings = List.copyOf(warnings);
  }

  public long chainId() {
    return config.l2ChainId();
  }

  /** The registry identifier, {@code <superchain>/<short name>} ({@code mainnet/op}). */
  public String identifier() {
    return superchain + "/" + shortName;
  }

  /** Scheduled forks and their activation times (L2 timestamps), in fork order, for listings. */
  public Map<Fork, Long> forkTimes() {
    Map<Fork, Long> out = new EnumMap<>(Fork.class);
    for (Fork f : Fork.values()) {
      config.forks().activation(f).ifPresent(t -> out.put(f, t));
    }
    return Collections.unmodifiableMap(out);
  }

  /** op-node's {@code --network} name, {@code <short name>-<superchain>} ({@code op-mainnet}). */
  public String networkName() {
    return shortName + "-" + superchain;
  }
}
