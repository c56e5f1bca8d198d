package dev.basalt.journal;

import java.util.List;
import java.util.Optional;

/**
 * Periodic core-state snapshots, so restart and replay need not start from the first event and old
 * journal cycles can be deleted. A snapshot that fails its checksum is ignored (and reported), so a
 * crash while writing one only costs a longer replay.
 */
public interface SnapshotStore {
  /** Stores a snapshot atomically (a reader never sees a half-written one). */
  void save(Snapshot snapshot);

  /** The newest valid snapshot, if any. */
  Optional<Snapshot> latest();

  /** The newest valid snapshot with {@code seq <= maxSeq}, if any. */
  Optional<Snapshot> latestAtOrBefore(long maxSeq);

  /** Sequence numbers of stored snapshots, ascending. */
  List<Long> list();

  /** Deletes all but the newest {@code keep} snapshots. */
  void prune(int keep);
}
