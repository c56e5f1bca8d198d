package dev.basalt.journal.chronicle;

import dev.basalt.core.codec.BinaryWriter;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;
import java.util.function.Consumer;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.wire.DocumentContext;

/**
 * Appends records to one stream from one writer thread at a time. The Chronicle appender is created
 * lazily on the first append, on that thread (Chronicle appenders are single-threaded); a later
 * writer may take over once the previous one is done with it (recovery fills missing output records
 * on the starting thread, then the node's dispatch thread appends), which releases Chronicle's
 * single-thread check for the new owner. Each record is
 * encoded into a reusable scratch buffer first and then copied into one document, so an encoding
 * failure never leaves a half-written document behind.
 */
final class StreamAppender {
  /** {@link #pinnedCycle()} before the first append: no file is in use. */
  static final int NO_CYCLE = Integer.MAX_VALUE;

  private final QueueStream stream;
  private final Object creationLock;
  private final BinaryWriter scratch = new BinaryWriter(4096);
  private volatile ExcerptAppender appender;
  /** The thread that appended last: Chronicle's single-thread check belongs to it. */
  private volatile Thread writer;
  private volatile int lastCycle = NO_CYCLE;
  private volatile File lastFile;
  private File unsyncedPreviousFile;

  /**
   * @param creationLock held while the appender is created and writes its first record, because
   *     both touch older cycle files (Chronicle writes end-of-file markers into them) that
   *     retention must not delete at the same moment
   */
  StreamAppender(QueueStream stream, Object creationLock) {
    this.stream = stream;
    this.creationLock = creationLock;
  }

  /**
   * Encodes a record with {@code encoder} and appends it.
   *
   * @return the record's storage index
   */
  long append(Consumer<BinaryWriter> encoder) {
    encoder.accept(scratch);
    return appendBytes(scratch.buffer(), scratch.size());
  }

  /** Appends raw bytes as one record (also used by tests to plant corrupt records). */
  long appendBytes(byte[] bytes, int length) {
    ExcerptAppender a = appender;
    Thread current = Thread.currentThread();
    if (a != null) {
      if (writer != current) {
        // The previous writer is done (the caller guarantees one writer at a time): hand the appender over.
        a.singleThreadedCheckReset();
        writer = current;
      }
      return write(a, bytes, length);
    }
    // Creating an appender and its first write both touch older cycle files (Chronicle checks and
    // writes their end-of-file markers), and no cycle is pinned for it yet: keep retention out.
    synchronized (creationLock) {
      a = stream.queue().createAppender();
      long index;
      try {
        index = write(a, bytes, length);
      } catch (RuntimeException | Error e) {
        a.close();
        throw e;
      }
      writer = current;
      appender = a;
      return index;
    }
  }

  private long write(ExcerptAppender a, byte[] bytes, int length) {
    try (DocumentContext dc = a.writingDocument()) {
      try {
        dc.wire().bytes().write(bytes, 0, length);
      } catch (RuntimeException | Error e) {
        dc.rollbackOnClose();
        throw e;
      }
    }
    long index = a.lastIndexAppended();
    int cycle = stream.cycleOf(index);
    if (cycle != lastCycle) {
      onNewCycle(a, cycle);
    }
    return index;
  }

  private void onNewCycle(ExcerptAppender a, int cycle) {
    synchronized (this) {
      if (lastFile != null) {
        unsyncedPreviousFile = lastFile;
      }
      lastFile = a.currentFile();
    }
    lastCycle = cycle;
  }

  /**
   * The cycle of the last append ({@link #NO_CYCLE} before any). Retention keeps it and everything
   * after: the appender maps it and writes its end-of-file marker when it rolls.
   */
  int pinnedCycle() {
    return lastCycle;
  }

  /**
   * Forces what was appended to disk. Works from any thread: it fsyncs the files appended to
   * since the last sync through their own channel (on Linux that writes back the pages Chronicle
   * dirtied through its memory mapping).
   */
  void sync() {
    File current;
    File previous;
    synchronized (this) {
      current = lastFile;
      previous = unsyncedPreviousFile;
      unsyncedPreviousFile = null;
    }
    force(previous);
    force(current);
  }

  private static void force(File file) {
    if (file == null) {
      return;
    }
    try (FileChannel channel = FileChannel.open(file.toPath(), StandardOpenOption.WRITE)) {
      channel.force(true);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot sync " + file, e);
    }
  }

  void close() {
    if (appender != null) {
      appender.close();
    }
  }
}
