package dev.basalt.core.sysconfig;

import java.util.Objects;

/** The outcome of parsing one {@code ConfigUpdate} log. */
public sealed interface ParsedConfigUpdate {

  /** A well-formed update. */
  record Parsed(ConfigUpdate update) implements ParsedConfigUpdate {
    public Parsed {
      Objects.requireNonNull(update, "update");
    }
  }

  /** A malformed or unknown update, to be skipped; {@code detail} is for humans only. */
  record Rejected(ConfigUpdateError error, String detail) implements ParsedConfigUpdate {
    public Rejected {
      Objects.requireNonNull(error, "error");
      Objects.requireNonNull(detail, "detail");
    }
  }
}
