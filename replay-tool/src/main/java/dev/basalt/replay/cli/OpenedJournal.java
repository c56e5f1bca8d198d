package dev.basalt.replay.cli;

import dev.basalt.journal.Journal;
import dev.basalt.journal.SnapshotStore;
import java.util.Objects;

/** A journal and its snapshots, open for reading; closing it closes the journal. */
public record OpenedJournal(Journal journal, SnapshotStore snapshots) implements AutoCloseable {
  public OpenedJournal {
    Objects.requireNonNull(journal, "journal");
    Objects.requireNonNull(snapshots, "snapshots");
  }

  @Override
  public void close() {
    journal.close();
  }
}
