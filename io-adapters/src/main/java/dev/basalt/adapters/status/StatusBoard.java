package dev.basalt.adapters.status;

import dev.basalt.core.heads.SyncStatus;
import java.util.concurrent.atomic.AtomicReference;

/** Holds the last published {@link SyncStatus}. */
public final class StatusBoard {
  private final AtomicReference<SyncStatus> status = new AtomicReference<>(SyncStatus.EMPTY);
  private volatile long updates;

  public void publish(SyncStatus newStatus) {
    status.set(newStatus);
    updates++;
  }

  public SyncStatus current() {
    return status.get();
  }

  public long updates() {
    return updates;
  }
}
