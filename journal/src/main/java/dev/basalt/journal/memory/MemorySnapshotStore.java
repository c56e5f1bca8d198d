package dev.basalt.journal.memory;

import dev.basalt.journal.Snapshot;
import dev.basalt.journal.SnapshotStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Snapshots kept in a sorted map. */
public final class MemorySnapshotStore implements SnapshotStore {
  private final TreeMap<Long, Snapshot> snapshots = new TreeMap<>();

  @Override
  public synchronized void save(Snapshot snapshot) {
    snapshots.put(snapshot.seq(), snapshot);
  }

  @Override
  public synchronized Optional<Snapshot> latest() {
    return snapshots.isEmpty() ? Optional.empty() : Optional.of(snapshots.lastEntry().getValue());
  }

  @Override
  public synchronized Optional<Snapshot> latestAtOrBefore(long maxSeq) {
    Map.Entry<Long, Snapshot> e = snapshots.floorEntry(maxSeq);
    return e == null ? Optional.empty() : Optional.of(e.getValue());
  }

  @Override
  public synchronized List<Long> list() {
    return new ArrayList<>(snapshots.keySet());
  }

  @Override
  public synchronized void prune(int keep) {
    while (snapshots.size() > keep) {
      snapshots.pollFirstEntry();
    }
  }
}
