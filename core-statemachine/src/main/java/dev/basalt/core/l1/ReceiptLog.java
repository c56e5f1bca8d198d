package dev.basalt.core.l1;

import dev.basalt.core.types.Log;
import java.util.Objects;

/**
 * A log from a successful receipt with its block-wide log index (user-deposit source hashes commit
 * to that index).
 */
public record ReceiptLog(long logIndex, Log log) {
  public ReceiptLog {
    Objects.requireNonNull(log, "log");
    if (logIndex < 0) {
      throw new IllegalArgumentException("logIndex must be non-negative");
    }
  }
}
