package dev.basalt.adapters.config;

import dev.basalt.core.config.RollupConfig;
import java.util.List;
import java.util.Objects;

/** A rollup config read from a file, with what the reader noticed on the way. */
public record ParsedRollupConfig(RollupConfig config, List<String> warnings) {
  public ParsedRollupConfig {
    Objects.requireNonNull(config, "config");
    warnings = List.copyOf(warnings);
  }
}
