package dev.basalt.adapters.engine;

import dev.basalt.core.engine.ExecutionPayloadEnvelope;
import dev.basalt.core.event.FailureKind;
import java.util.Objects;

/** How one L2 block read ended: the verified block, no such block, or a failure. */
sealed interface BlockOutcome {
  record Found(ExecutionPayloadEnvelope block) implements BlockOutcome {
    public Found {
      Objects.requireNonNull(block, "block");
    }
  }

  /** The engine answered {@code null}: it does not have the block (or the label is not set yet). */
  record Missing() implements BlockOutcome {}

  record Failed(FailureKind kind, String detail) implements BlockOutcome {
    public Failed {
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(detail, "detail");
    }
  }
}
