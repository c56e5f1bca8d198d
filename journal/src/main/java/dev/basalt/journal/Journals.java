package dev.basalt.journal;

import dev.basalt.journal.chronicle.ChronicleJournal;
import dev.basalt.journal.file.FileSnapshotStore;
import java.nio.file.Path;

/**
 * Opens journals on disk. Layout of a journal directory: {@code inputs/} and {@code outputs/}
 * (Chronicle Queue stores), {@code snapshots/} (one file per core snapshot).
 */
public final class Journals {
  private Journals() {}

  /**
   * Opens an existing journal; fails with a clear message if {@code dir} is not one.
   *
   * @throws IllegalArgumentException naming {@code dir} when it holds no journal
   * @throws IllegalStateException when the journal is already open, or its metadata is corrupt or
   *     of an unsupported format version
   */
  public static Journal openExisting(Path dir, JournalOptions options) {
    return ChronicleJournal.openExisting(dir, options);
  }

  /**
   * Opens the journal in {@code dir}, creating it with {@code headerIfNew} when absent. An existing
   * journal keeps its own header (the caller compares chain ids).
   *
   * @throws IllegalArgumentException when {@code dir} is neither a journal nor empty, or {@code
   *     headerIfNew} has a format version this build does not write
   */
  public static Journal openOrCreate(Path dir, JournalOptions options, JournalHeader headerIfNew) {
    return ChronicleJournal.openOrCreate(dir, options, headerIfNew);
  }

  /** The snapshot store of the journal in {@code dir} (its {@code snapshots/} directory). */
  public static SnapshotStore snapshots(Path dir) {
    return new FileSnapshotStore(dir.resolve("snapshots"));
  }
}
