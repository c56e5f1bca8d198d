package dev.basalt.adapters.config;

import dev.basalt.core.config.L1ChainConfig;
import java.util.List;
import java.util.Objects;

/** An L1 chain config read from a file, with what the reader noticed on the way. */
public record ParsedL1ChainConfig(L1ChainConfig config, List<String> warnings) {
  public ParsedL1ChainConfig {
    Objects.requireNonNull(config, "config");
    warnings = List.copyOf(warnings);
  }
}
