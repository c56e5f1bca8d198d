package dev.basalt.core.engine;

import dev.basalt.core.types.Hash32;
import java.util.Objects;
import java.util.Optional;

/** {@code PayloadStatusV1}: the engine's verdict on a payload or forkchoice. */
public record PayloadStatus(
    ExecutionStatus status, Optional<Hash32> latestValidHash, Optional<String> validationError) {
  public PayloadStatus {
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(latestValidHash, "latestValidHash");
    Objects.requireNonNull(validationError, "validationError");
  }

  public static PayloadStatus of(ExecutionStatus status) {
    return new PayloadStatus(status, Optional.empty(), Optional.empty());
  }
}
