package dev.basalt.replay;

import dev.basalt.core.Core;
import dev.basalt.core.codec.BinaryReader;
import dev.basalt.core.codec.DecodeException;
import dev.basalt.journal.Journal;
import dev.basalt.journal.Snapshot;
import dev.basalt.journal.SnapshotStore;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Where a replay starts: a core and the sequence number of the first input to feed it. Either a
 * fresh core before input 0, or the core restored from snapshot S (the state right after input S
 * was applied) before input S+1.
 *
 * @param core the core to feed, owned by the caller from here on
 * @param nextSeq the first input to apply
 * @param snapshotSeq the snapshot the core was restored from, empty for a fresh core
 */
public record ReplayOrigin(Core core, long nextSeq, OptionalLong snapshotSeq) {

  /**
   * The start that verifies as much of the journal as possible: a fresh core when the journal
   * still holds input 0, otherwise the oldest snapshot from which every later input is retained.
   */
  public static ReplayOrigin forWholeJournal(Journal journal, SnapshotStore snapshots) {
    long first = journal.firstInputSeq();
    if (first == 0) {
      return new ReplayOrigin(new Core(), 0, OptionalLong.empty());
    }
    long last = journal.nextInputSeq() - 1;
    // Oldest first: every input after the snapshot we pick is one more input verified.
    for (long seq : snapshots.list()) {
      if (seq < first - 1 || seq > last) {
        continue;
      }
      Optional<Snapshot> s = snapshots.latestAtOrBefore(seq);
      if (s.isPresent() && s.get().seq() == seq) {
        return fromSnapshot(s.get());
      }
      // The store listed it but could not read it (failed checksum): try the next one.
    }
    throw new ReplayException(
        "the journal starts at input "
            + first
            + " (older inputs were deleted by retention) and no snapshot between "
            + (first - 1)
            + " and "
            + last
            + " is available to start from; stored snapshots: "
            + snapshots.list());
  }

  /**
   * The start closest to (at or before) the state after input {@code seq}: the newest usable
   * snapshot at or before it, else a fresh core when the journal starts at 0.
   */
  public static ReplayOrigin forStateAfter(Journal journal, SnapshotStore snapshots, long seq) {
    if (seq < 0) {
      throw new ReplayException("input sequence numbers start at 0, got " + seq);
    }
    long first = journal.firstInputSeq();
    long last = journal.nextInputSeq() - 1;
    Optional<Snapshot> best = snapshots.latestAtOrBefore(seq);
    if (best.isPresent() && best.get().seq() == seq) {
      // The exact state is stored: no input needed, even one retention has deleted.
      return fromSnapshot(best.get());
    }
    if (seq > last) {
      throw new ReplayException(
          "input " + seq + " is not in the journal (its last input is " + last + ")");
    }
    if (best.isPresent() && best.get().seq() >= first - 1) {
      return fromSnapshot(best.get());
    }
    if (first == 0) {
      return new ReplayOrigin(new Core(), 0, OptionalLong.empty());
    }
    if (seq < first) {
      throw new ReplayException(
          "input " + seq + " was deleted by retention (the journal starts at input " + first
              + ") and no snapshot holds the state right after it; stored snapshots: " + snapshots.list());
    }
    throw new ReplayException(
        "the journal starts at input "
            + first
            + " (older inputs were deleted by retention) and no snapshot between "
            + (first - 1)
            + " and "
            + seq
            + " is available; stored snapshots: "
            + snapshots.list());
  }

  private static ReplayOrigin fromSnapshot(Snapshot snapshot) {
    Core core;
    try {
      core = Core.restore(new BinaryReader(snapshot.coreState().toArray()));
    } catch (DecodeException | IllegalArgumentException | IllegalStateException e) {
      // Restore checks invariants as it goes (L2 head order), so a bad snapshot can fail either way.
      throw new ReplayException(
          "snapshot at input " + snapshot.seq() + " does not restore: " + e.getMessage(), e);
    }
    return new ReplayOrigin(core, snapshot.seq() + 1, OptionalLong.of(snapshot.seq()));
  }
}
