package dev.basalt.adapters.status;

import dev.basalt.core.heads.SyncStatus;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Holds the last published {@link SyncStatus}. */
public final class StatusBoard {
  private static final Logger LOG = LoggerFactory.getLogger(StatusBoard.class);

  private final AtomicReference<SyncStatus> status = new AtomicReference<>(SyncStatus.EMPTY);
  private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
  private volatile long updates;

  public void publish(SyncStatus newStatus) {
    status.set(newStatus);
    updates++;
    for (Runnable listener : listeners) {
      try {
        listener.run();
      } catch (RuntimeException e) {
        // A listener's bug must not reach the dispatcher, which publishes.
        LOG.warn("status listener failed", e);
      }
    }
  }

  public SyncStatus current() {
    return status.get();
  }

  public long updates() {
    return updates;
  }

  /**
   * Calls {@code listener} after every publish, on the publishing thread (the dispatcher): it must
   * only note that something changed and hand the work elsewhere, never block or take long.
   */
  public void addListener(Runnable listener) {
    listeners.add(listener);
  }

  public void removeListener(Runnable listener) {
    listeners.remove(listener);
  }
}
