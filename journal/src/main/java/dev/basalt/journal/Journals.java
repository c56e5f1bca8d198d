package dev.basalt.journal;

import java.nio.file.Path;

/**
 * Opens journals on disk. Layout of a journal directory: {@code inputs/} and {@code outputs/}
 * (Chronicle Queue stores), {@code snapshots/} (one file per core snapshot).
 */
public final class Journals {
  private Journals() {}

  /** Opens an existing journal; fails with a clear message if {@code dir} is not one. */
  public static Journal openExisting(Path dir, JournalOptions options) {
    throw new UnsupportedOperationException("Chronicle journal not implemented yet");
  }

  /** Opens the journal in {@code dir}, creating it with {@code headerIfNew} when absent. */
  public static Journal openOrCreate(Path dir, JournalOptions options, JournalHeader headerIfNew) {
    throw new UnsupportedOperationException("Chronicle journal not implemented yet");
  }

  /** The snapshot store of the journal in {@code dir}. */
  public static SnapshotStore snapshots(Path dir) {
    throw new UnsupportedOperationException("snapshot store not implemented yet");
  }
}
