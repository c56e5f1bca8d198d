package dev.basalt.replay;

import dev.basalt.core.event.InputEvent;
import dev.basalt.journal.InputRecord;
import dev.basalt.journal.Journal;
import dev.basalt.journal.JournalCursor;
import dev.basalt.journal.JournalHeader;
import dev.basalt.journal.OutputRecord;
import dev.basalt.journal.TailRepair;
import java.util.List;

/** A read-only view of a journal as if retention had deleted every input before {@code firstSeq}. */
final class TrimmedJournal implements Journal {
  private final Journal delegate;
  private final long firstSeq;

  TrimmedJournal(Journal delegate, long firstSeq) {
    this.delegate = delegate;
    this.firstSeq = firstSeq;
  }

  @Override
  public JournalHeader header() {
    return delegate.header();
  }

  @Override
  public long firstInputSeq() {
    return firstSeq;
  }

  @Override
  public long nextInputSeq() {
    return delegate.nextInputSeq();
  }

  @Override
  public long appendInput(InputEvent event, long ingestMillis) {
    throw new UnsupportedOperationException("read-only view");
  }

  @Override
  public void appendOutput(OutputRecord record) {
    throw new UnsupportedOperationException("read-only view");
  }

  @Override
  public JournalCursor<InputRecord> readInputs(long fromSeq) {
    return delegate.readInputs(Math.max(fromSeq, firstSeq));
  }

  @Override
  public JournalCursor<OutputRecord> readOutputs(long fromInputSeq) {
    return delegate.readOutputs(Math.max(fromInputSeq, firstSeq));
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
