package dev.basalt.replay;

import dev.basalt.core.event.InputEvent;
import dev.basalt.journal.InputRecord;
import dev.basalt.journal.Journal;
import dev.basalt.journal.JournalCorruptException;
import dev.basalt.journal.JournalCursor;
import dev.basalt.journal.JournalHeader;
import dev.basalt.journal.OutputRecord;
import dev.basalt.journal.TailRepair;
import java.util.List;

/** A journal whose input {@code badIndex} fails its CRC when read, as a flipped bit on disk would. */
final class CorruptJournal implements Journal {
  private final Journal delegate;
  private final long badIndex;

  CorruptJournal(Journal delegate, long badIndex) {
    this.delegate = delegate;
    this.badIndex = badIndex;
  }

  @Override
  public JournalCursor<InputRecord> readInputs(long fromSeq) {
    JournalCursor<InputRecord> inner = delegate.readInputs(fromSeq);
    return new JournalCursor<>() {
      private long next = fromSeq;

      @Override
      public InputRecord next() {
        if (next == badIndex) {
          throw new JournalCorruptException("inputs", badIndex, "CRC32C mismatch");
        }
        next++;
        return inner.next();
      }

      @Override
      public void close() {
        inner.close();
      }
    };
  }

  @Override
  public JournalHeader header() {
    return delegate.header();
  }

  @Override
  public long firstInputSeq() {
    return delegate.firstInputSeq();
  }

  @Override
  public long nextInputSeq() {
    return delegate.nextInputSeq();
  }

  @Override
  public long appendInput(InputEvent event, long ingestMillis) {
    throw new UnsupportedOperationException("read-only");
  }

  @Override
  public void appendOutput(OutputRecord record) {
    throw new UnsupportedOperationException("read-only");
  }

  @Override
  public JournalCursor<OutputRecord> readOutputs(long fromInputSeq) {
    return delegate.readOutputs(fromInputSeq);
  }

  @Override
  public List<TailRepair> repairsOnOpen() {
    return List.of();
  }

  @Override
  public void sync() {}

  @Override
  public long sizeBytes() {
    return 0;
  }

  @Override
  public void close() {}
}
