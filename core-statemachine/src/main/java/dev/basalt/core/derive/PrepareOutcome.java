package dev.basalt.core.derive;

import dev.basalt.core.config.SystemConfig;
import dev.basalt.core.engine.PayloadAttributes;
import java.util.Objects;

/** The result of {@link AttributesPreparer#prepare}: attributes, or why there are none. */
public sealed interface PrepareOutcome {

  /**
   * @param attributes deposits-only attributes with {@code noTxPool} set
   * @param systemConfig the system config the block is built with (the parent's, with the new
   *     epoch's updates applied)
   */
  record Prepared(PayloadAttributes attributes, SystemConfig systemConfig) implements PrepareOutcome {
    public Prepared {
      Objects.requireNonNull(attributes, "attributes");
      Objects.requireNonNull(systemConfig, "systemConfig");
    }
  }

  /** The inputs are inconsistent with the chain (wrong epoch for the parent): reset the pipeline. */
  record Reset(String reason) implements PrepareOutcome {}

  /** The inputs can never work (malformed deposit logs): halt derivation. */
  record Critical(String reason) implements PrepareOutcome {}
}
