package dev.basalt.bench;

import dev.basalt.core.event.InputEvent;
import dev.basalt.journal.InputRecord;
import dev.basalt.journal.Journal;
import dev.basalt.journal.JournalCursor;
import dev.basalt.journal.JournalHeader;
import dev.basalt.journal.OutputRecord;
import dev.basalt.journal.TailRepair;
import java.util.List;

/** A journal that delegates everything; benchmarks override one method to observe progress. */
class ForwardingJournal implements Journal {
  private final Journal delegate;

  ForwardingJournal(Journal delegate) {
    this.delegate = delegate;
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
    return delegate.appendInput(event, ingestMillis);
  }

  @Override
  public void appendOutput(OutputRecord record) {
    delegate.appendOutput(record);
  }

  @Override
  public JournalCursor<InputRecord> readInputs(long fromSeq) {
    return delegate.readInputs(fromSeq);
  }

  @Override
  public JournalCursor<OutputRecord> readOutputs(long fromInputSeq) {
    return delegate.readOutputs(fromInputSeq);
  }

  @Override
  public List<TailRepair> repairsOnOpen() {
    return delegate.repairsOnOpen();
  }

  @Override
  public void sync() {
    delegate.sync();
  }

  @Override
  public long sizeBytes() {
    return delegate.sizeBytes();
  }

  @Override
  public void close() {
    delegate.close();
  }
}
