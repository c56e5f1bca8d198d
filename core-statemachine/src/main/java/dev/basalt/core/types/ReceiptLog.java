package dev.basalt.core.types;

import java.util.Objects;

/**
 * An L1 log as derivation consumes it: the log, its index among all logs of its L1 block (the
 * receipt field {@code logIndex}, which user-deposit source hashes commit to), and whether the
 * transaction that emitted it succeeded. Logs of failed receipts never count for deposits or
 * system-config updates, but are kept here so that log indices stay those of the block.
 */
public record ReceiptLog(Log log, long logIndex, boolean receiptSucceeded) {
  public ReceiptLog {
    Objects.requireNonNull(log, "log");
    Unsigned.requireNonNegative(logIndex, "logIndex");
  }
}
