package dev.basalt.journal;

import java.util.Objects;

/**
 * How a journal is laid out and retained.
 *
 * @param rollCycle how often a new storage file starts
 * @param retainCycles how many rolled files to keep (0 keeps everything); older ones are deleted
 *     only when a snapshot newer than them exists, so the journal can always be replayed
 * @param strictDurability sync to disk at every ring batch end (power-loss safety) instead of
 *     relying on the OS page cache (kill -9 safety)
 */
public record JournalOptions(RollCycle rollCycle, int retainCycles, boolean strictDurability) {
  public enum RollCycle {
    HOURLY,
    DAILY
  }

  public JournalOptions {
    Objects.requireNonNull(rollCycle, "rollCycle");
    if (retainCycles < 0) {
      throw new IllegalArgumentException("retainCycles must be >= 0");
    }
  }

  public static JournalOptions defaults() {
    return new JournalOptions(RollCycle.DAILY, 0, false);
  }
}
