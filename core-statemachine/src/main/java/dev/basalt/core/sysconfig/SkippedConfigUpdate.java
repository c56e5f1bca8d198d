package dev.basalt.core.sysconfig;

import java.util.Objects;

/** A {@code ConfigUpdate} log that changed nothing, located by its log index in the L1 block. */
public record SkippedConfigUpdate(long logIndex, ConfigUpdateError error, String detail) {
  public SkippedConfigUpdate {
    Objects.requireNonNull(error, "error");
    Objects.requireNonNull(detail, "detail");
  }
}
