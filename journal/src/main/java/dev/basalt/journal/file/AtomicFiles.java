package dev.basalt.journal.file;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Writes small files so that a reader (or the next process after a crash) sees either the old
 * content or the complete new content: write a temporary sibling, fsync it, rename it over the
 * target, fsync the directory so the rename itself is durable.
 */
public final class AtomicFiles {
  /** Suffix of the temporary files, which readers ignore and cleanup may delete. */
  public static final String TEMP_SUFFIX = ".tmp";

  private AtomicFiles() {}

  /** Replaces {@code target} with {@code data[0, length)} atomically and durably. */
  public static void write(Path target, byte[] data, int length) {
    Path temp = tempFor(target);
    try {
      try (FileChannel channel =
          FileChannel.open(
              temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
        ByteBuffer buffer = ByteBuffer.wrap(data, 0, length);
        while (buffer.hasRemaining()) {
          channel.write(buffer);
        }
        channel.force(true);
      }
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      syncDirectory(target.toAbsolutePath().getParent());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + target, e);
    }
  }

  /** The temporary sibling used while writing {@code target}: hidden, with {@link #TEMP_SUFFIX}. */
  public static Path tempFor(Path target) {
    return target.resolveSibling("." + target.getFileName() + TEMP_SUFFIX);
  }

  /** Forces a directory's entries (creations, renames, deletions) to disk. */
  public static void syncDirectory(Path dir) {
    try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
      channel.force(true);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot sync directory " + dir, e);
    }
  }
}
