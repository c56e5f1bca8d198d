package dev.basalt.replay.cli;

import dev.basalt.journal.Journal;
import dev.basalt.journal.JournalCorruptException;
import dev.basalt.journal.JournalOptions;
import dev.basalt.journal.Journals;
import dev.basalt.replay.ReplayException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Opens the journal in a directory; tests substitute memory journals. */
@FunctionalInterface
public interface JournalOpener {
  /**
   * @throws ReplayException when {@code dir} holds no readable journal
   * @throws JournalCorruptException when a record read while opening fails its checks
   */
  OpenedJournal open(Path dir);

  /** The Chronicle-backed journal and snapshot store on disk. */
  JournalOpener ON_DISK =
      dir -> {
        if (!Files.isDirectory(dir)) {
          throw new ReplayException("no journal directory at " + dir);
        }
        Journal journal;
        try {
          journal = Journals.openExisting(dir, JournalOptions.defaults());
        } catch (JournalCorruptException | UncheckedIOException e) {
          throw e;
        } catch (RuntimeException e) {
          // The journal reports "not a journal", version mismatches etc. as plain runtime errors.
          throw new ReplayException("cannot open the journal in " + dir + ": " + e.getMessage(), e);
        }
        try {
          return new OpenedJournal(journal, Journals.snapshots(dir));
        } catch (RuntimeException e) {
          journal.close();
          throw new ReplayException("cannot open the snapshots in " + dir + ": " + e.getMessage(), e);
        }
      };
}
