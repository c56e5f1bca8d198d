package dev.basalt.journal.chronicle;

import dev.basalt.journal.JournalCorruptException;
import dev.basalt.journal.JournalCursor;
import dev.basalt.journal.frame.DecodedRecord;
import java.util.function.Function;

/**
 * A cursor over one stream from a given seq on. Every record it passes over is checked (frame,
 * CRC, payload, sequence), including the ones before {@code fromSeq} it skips. After a failure it
 * keeps throwing the same exception: a reader must not silently continue past corruption.
 *
 * @param <T> the API record type of the stream
 */
final class ChronicleCursor<T> implements JournalCursor<T> {
  private final ChronicleJournal journal;
  private final QueueStream stream;
  private final StreamReader reader;
  private final StreamRules rules;
  private final long fromSeq;
  private final boolean contiguous;
  private final Function<DecodedRecord, T> unwrap;
  private volatile int pinnedCycle = Integer.MIN_VALUE;
  private boolean positioned;
  private boolean first = true;
  private JournalCorruptException failure;

  /**
   * Registers with the journal (pinning every cycle) before anything is read, so retention cannot
   * delete a file under the seek.
   */
  ChronicleCursor(
      ChronicleJournal journal,
      QueueStream stream,
      long fromSeq,
      boolean contiguous,
      Function<DecodedRecord, T> unwrap) {
    this.journal = journal;
    this.stream = stream;
    this.fromSeq = fromSeq;
    this.contiguous = contiguous;
    this.unwrap = unwrap;
    journal.register(this);
    this.reader = new StreamReader(stream);
    this.rules = new StreamRules(stream);
  }

  QueueStream stream() {
    return stream;
  }

  /** The lowest cycle this cursor may still read; retention keeps it and everything after. */
  int pinnedCycle() {
    return pinnedCycle;
  }

  @Override
  public T next() {
    journal.checkOpen();
    if (failure != null) {
      throw failure;
    }
    try {
      position();
      while (true) {
        StreamReader.Entry entry = reader.next();
        if (entry == null) {
          return null;
        }
        pinnedCycle = stream.cycleOf(entry.index());
        DecodedRecord record = rules.accept(entry);
        if (record == null) {
          continue;
        }
        checkStart(entry.index(), record.seq());
        if (record.seq() >= fromSeq) {
          return unwrap.apply(record);
        }
      }
    } catch (JournalCorruptException e) {
      failure = e;
      throw e;
    }
  }

  private void position() {
    if (positioned) {
      return;
    }
    long start = Seeker.startIndex(reader, fromSeq);
    if (start == Seeker.FROM_START) {
      reader.toStart();
    } else {
      pinnedCycle = stream.cycleOf(start);
      reader.moveTo(start);
    }
    positioned = true;
  }

  /** A contiguous stream must not start after the requested seq: that would skip records. */
  private void checkStart(long index, long seq) {
    if (first && contiguous && seq > fromSeq) {
      throw new JournalCorruptException(
          stream.name(), index, "sequence gap: expected at most " + fromSeq + ", found " + seq);
    }
    first = false;
  }

  @Override
  public void close() {
    journal.unregister(this);
    reader.close();
  }
}
