package dev.basalt.adapters.safedb;

import dev.basalt.adapters.node.SafeHeadStore;
import dev.basalt.core.command.RecordSafeHead;
import dev.basalt.core.command.RewindSafeHeads;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The safe-head database (op-node {@code --safedb.path}) in one {@link SafeHeadFile}: one record
 * per L1 block, in L1 order, answering {@code optimism_safeHeadAtL1Block} by binary search on the
 * file, so memory stays constant however long the node runs.
 *
 * <p>Writes run in command order on one writer thread, so the dispatcher never waits for an fsync:
 *
 * <ul>
 *   <li>a record for a newer L1 block is appended;
 *   <li>a record for the newest L1 block again (the safe head moved within it) replaces it;
 *   <li>a record for an older L1 block means the history after it no longer holds: later records
 *       are dropped first (op-node's database would keep them until a reset);
 *   <li>a rewind drops the records at and after its L1 number.
 * </ul>
 *
 * <p>Reads may come from any thread, concurrently; they see each write once it is durable.
 */
public final class FileSafeHeadStore implements SafeHeadStore, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(FileSafeHeadStore.class);

  private final SafeHeadFile file;
  private final ReadWriteLock lock = new ReentrantReadWriteLock();
  private final ExecutorService writer = Executors.newSingleThreadExecutor(r -> {
    Thread t = new Thread(r, "basalt-safedb");
    t.setDaemon(true);
    return t;
  });

  private FileSafeHeadStore(SafeHeadFile file) {
    this.file = file;
  }

  /** Opens or creates the database at {@code path}, recovering from an interrupted write. */
  public static FileSafeHeadStore open(Path path) throws IOException {
    return new FileSafeHeadStore(SafeHeadFile.open(path));
  }

  @Override
  public void record(RecordSafeHead command) {
    submit(() -> apply(new SafeHeadAtL1(command.l1(), command.safeHead())), command);
  }

  @Override
  public void rewind(RewindSafeHeads command) {
    submit(() -> applyRewind(command.fromL1Number()), command);
  }

  private void submit(IoAction action, Object command) {
    try {
      writer.execute(() -> {
        lock.writeLock().lock();
        try {
          action.run();
        } catch (IOException | RuntimeException e) {
          LOG.error("safe-head database: {} failed", command, e);
        } finally {
          lock.writeLock().unlock();
        }
      });
    } catch (RejectedExecutionException e) {
      // Called by the dispatcher: never throw back into it.
      LOG.warn("safe-head database closed; dropped {}", command);
    }
  }

  private void apply(SafeHeadAtL1 r) throws IOException {
    long l1 = r.l1Block().number();
    long n = file.count();
    SafeHeadAtL1 newest = n == 0 ? null : file.read(n - 1);
    long last = newest == null ? -1 : newest.l1Block().number();
    if (l1 > last) {
      file.append(r);
    } else if (l1 == last) {
      if (!r.equals(newest)) {
        // In place: a torn overwrite costs this L1 block's record, and lookups fall back to the one before.
        file.overwrite(n - 1, r);
      }
    } else {
      file.truncate(file.firstAtOrAbove(l1));
      file.append(r);
    }
  }

  private void applyRewind(long fromL1Number) throws IOException {
    long keep = file.firstAtOrAbove(fromL1Number);
    if (keep < file.count()) {
      file.truncate(keep);
    }
  }

  /**
   * {@code optimism_safeHeadAtL1Block}: the newest record whose L1 block is at or below
   * {@code l1Number}, or empty when there is none (the RPC's not-found error).
   *
   * @throws UncheckedIOException when the file cannot be read
   */
  public Optional<SafeHeadAtL1> safeHeadAtL1Block(long l1Number) {
    if (l1Number < 0) {
      return Optional.empty();
    }
    lock.readLock().lock();
    try {
      // Past the last possible number the search is for "first above", which Long.MAX_VALUE + 1 would overflow.
      long above = l1Number == Long.MAX_VALUE ? file.count() : file.firstAtOrAbove(l1Number + 1);
      return above == 0 ? Optional.empty() : Optional.of(file.read(above - 1));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      lock.readLock().unlock();
    }
  }

  /** How many L1 blocks have a record. */
  public long size() {
    lock.readLock().lock();
    try {
      return file.count();
    } finally {
      lock.readLock().unlock();
    }
  }

  /** Waits until every write handed over so far is on disk. */
  public void flush() {
    try {
      Future<?> done = writer.submit(() -> { });
      done.get();
    } catch (RejectedExecutionException e) {
      // Closed: everything was flushed by close.
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Bytes cut off at open: a crash interrupted a write. */
  long recoveredDroppedBytes() {
    return file.droppedBytes();
  }

  /** Finishes queued writes, then closes the file. */
  @Override
  public void close() throws IOException {
    writer.shutdown();
    try {
      if (!writer.awaitTermination(30, TimeUnit.SECONDS)) {
        LOG.warn("safe-head database writes still pending at close");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    lock.writeLock().lock();
    try {
      file.close();
    } finally {
      lock.writeLock().unlock();
    }
  }

  @FunctionalInterface
  private interface IoAction {
    void run() throws IOException;
  }
}
