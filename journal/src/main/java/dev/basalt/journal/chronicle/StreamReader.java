package dev.basalt.journal.chronicle;

import dev.basalt.journal.JournalCorruptException;
import dev.basalt.journal.frame.DecodedRecord;
import dev.basalt.journal.frame.RecordFormat;
import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.wire.DocumentContext;

/**
 * Reads decoded records of one stream in storage order with its own tailer, skipping records in
 * cut ranges. Not thread-safe: create, use and close it on one thread.
 */
final class StreamReader implements AutoCloseable {
  /** A record that passed its own checks (sequence checks are the caller's), with its index. */
  record Entry(long index, DecodedRecord record) {}

  private final QueueStream stream;
  private final ExcerptTailer tailer;
  private byte[] scratch = new byte[4096];

  StreamReader(QueueStream stream) {
    this.stream = stream;
    this.tailer = stream.queue().createTailer();
  }

  QueueStream stream() {
    return stream;
  }

  void toStart() {
    tailer.toStart();
  }

  /** Positions at {@code index}; false when no record is stored there. */
  boolean moveTo(long index) {
    return tailer.moveToIndex(index);
  }

  /** Records stored in {@code cycle}, cut ones included. */
  long excerptsInCycle(int cycle) {
    return tailer.excerptsInCycle(cycle);
  }

  /**
   * The next record outside the cut ranges, or null at the current end.
   *
   * @throws JournalCorruptException when it fails its checks (the reader has moved past it)
   */
  Entry next() {
    while (true) {
      try (DocumentContext dc = tailer.readingDocument()) {
        if (!dc.isPresent()) {
          return null;
        }
        long index = dc.index();
        if (stream.isCut(index)) {
          continue;
        }
        Bytes<?> bytes = dc.wire().bytes();
        long length = bytes.readRemaining();
        if (length > Integer.MAX_VALUE - 16) {
          throw new JournalCorruptException(stream.name(), index, "record of " + length + " bytes");
        }
        int len = (int) length;
        if (scratch.length < len) {
          scratch = new byte[Math.max(len, scratch.length * 2)];
        }
        bytes.read(scratch, 0, len);
        return new Entry(index, RecordFormat.decode(stream.name(), index, scratch, 0, len));
      }
    }
  }

  /** Counts the records from the current position to the end, cut ones excluded, without decoding. */
  long countRemaining() {
    long count = 0;
    while (true) {
      try (DocumentContext dc = tailer.readingDocument()) {
        if (!dc.isPresent()) {
          return count;
        }
        if (!stream.isCut(dc.index())) {
          count++;
        }
      }
    }
  }

  @Override
  public void close() {
    tailer.close();
  }
}
