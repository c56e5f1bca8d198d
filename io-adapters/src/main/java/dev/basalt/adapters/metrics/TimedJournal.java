package dev.basalt.adapters.metrics;

import dev.basalt.core.event.InputEvent;
import dev.basalt.journal.InputRecord;
import dev.basalt.journal.Journal;
import dev.basalt.journal.JournalCursor;
import dev.basalt.journal.JournalHeader;
import dev.basalt.journal.OutputRecord;
import dev.basalt.journal.TailRepair;
import java.util.List;

/** A journal that times each input append for {@link NodeMetrics}; everything else is passed through. */
public record TimedJournal(Journal journal, NodeMetrics metrics) implements Journal {
  @Override
  public JournalHeader header() {
    return journal.header();
  }

  @Override
  public long firstInputSeq() {
    return journal.firstInputSeq();
  }

  @Override
  public long nextInputSeq() {
    return journal.nextInputSeq();
  }

  @Override
  public long appendInput(InputEvent event, long ingestMillis) {
    long start = System.nanoTime();
    long seq = journal.appendInput(event, ingestMillis);
    metrics.journalAppended(System.nanoTime() - start);
    return seq;
  }

  @Override
  public void appendOutput(OutputRecord record) {
    journal.appendOutput(record);
  }

  @Override
  public JournalCursor<InputRecord> readInputs(long fromSeq) {
    return journal.readInputs(fromSeq);
  }

  @Override
  public JournalCursor<OutputRecord> readOutputs(long fromInputSeq) {
    return journal.readOutputs(fromInputSeq);
  }

  @Override
  public List<TailRepair> repairsOnOpen() {
    return journal.repairsOnOpen();
  }

  @Override
  public void sync() {
    journal.sync();
  }

  @Override
  public long sizeBytes() {
    return journal.sizeBytes();
  }

  @Override
  public void close() {
    journal.close();
  }
}
