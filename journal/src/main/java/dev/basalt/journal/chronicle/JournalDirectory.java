package dev.basalt.journal.chronicle;

import dev.basalt.journal.file.AtomicFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.stream.Stream;

/**
 * The files of a journal directory ({@code journal.meta}, {@code inputs/}, {@code outputs/},
 * {@code snapshots/}) and the exclusive lock that keeps a second process (or a second open in this
 * one) from appending to, or repairing, a journal that is in use. The OS drops the lock when the
 * process dies, even by kill -9.
 */
final class JournalDirectory implements AutoCloseable {
  static final String LOCK = "journal.lock";

  private final Path dir;
  private final FileChannel lockChannel;
  private final FileLock lock;

  private JournalDirectory(Path dir, FileChannel lockChannel, FileLock lock) {
    this.dir = dir;
    this.lockChannel = lockChannel;
    this.lock = lock;
  }

  /**
   * Locks {@code dir}, creating it when {@code create} is set.
   *
   * @throws IllegalArgumentException when {@code dir} is not a journal (and may not become one)
   * @throws IllegalStateException when the journal is already open
   */
  static JournalDirectory open(Path dir, boolean create) {
    boolean hasMeta = Files.isRegularFile(dir.resolve(JournalMetaFile.NAME));
    if (!hasMeta && !create) {
      throw new IllegalArgumentException(dir + " is not a Basalt journal: it has no " + JournalMetaFile.NAME);
    }
    if (!hasMeta && !isEmptyOrNew(dir)) {
      throw new IllegalArgumentException(
          dir
              + " is not a Basalt journal (no "
              + JournalMetaFile.NAME
              + ") and is not empty; refusing to create one there");
    }
    try {
      Files.createDirectories(dir);
      FileChannel channel =
          FileChannel.open(dir.resolve(LOCK), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      FileLock lock;
      try {
        lock = channel.tryLock();
      } catch (OverlappingFileLockException e) {
        lock = null;
      }
      if (lock == null) {
        channel.close();
        throw new IllegalStateException("journal " + dir + " is already open (" + LOCK + " is locked)");
      }
      return new JournalDirectory(dir, channel, lock);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open journal directory " + dir, e);
    }
  }

  /** Empty, absent, or holding only what an interrupted creation leaves (the lock, a temp file). */
  private static boolean isEmptyOrNew(Path dir) {
    if (!Files.exists(dir)) {
      return true;
    }
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
      for (Path entry : entries) {
        String name = entry.getFileName().toString();
        if (!name.equals(LOCK) && !name.endsWith(AtomicFiles.TEMP_SUFFIX)) {
          return false;
        }
      }
      return true;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + dir, e);
    }
  }

  Path dir() {
    return dir;
  }

  Path meta() {
    return dir.resolve(JournalMetaFile.NAME);
  }

  Path inputs() {
    return dir.resolve(QueueStream.INPUTS);
  }

  Path outputs() {
    return dir.resolve(QueueStream.OUTPUTS);
  }

  Path snapshots() {
    return dir.resolve("snapshots");
  }

  /** Apparent size of every file in the directory (Chronicle's files are sparse: du may be less). */
  long sizeBytes() {
    UncheckedIOException last = null;
    // Retention may delete a file while the walk lists it; a second walk then sees a stable tree.
    for (int attempt = 0; attempt < 3; attempt++) {
      try (Stream<Path> files = Files.walk(dir)) {
        return files.filter(Files::isRegularFile).mapToLong(JournalDirectory::sizeOf).sum();
      } catch (IOException e) {
        last = new UncheckedIOException("cannot walk " + dir, e);
      } catch (UncheckedIOException e) {
        last = e;
      }
    }
    throw last;
  }

  private static long sizeOf(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      // Deleted by retention between listing and stat.
      return 0;
    }
  }

  @Override
  public void close() {
    try {
      lock.release();
      lockChannel.close();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot release the lock of " + dir, e);
    }
  }
}
