package dev.basalt.core.command;

/**
 * Forget safe-head records for L1 blocks at or above {@code fromL1Number} (after a reset or an L1
 * reorg they no longer hold). No answer.
 */
public record RewindSafeHeads(long fromL1Number) implements Command {
  public RewindSafeHeads {
    if (fromL1Number < 0) {
      throw new IllegalArgumentException("L1 number must be non-negative");
    }
  }
}
