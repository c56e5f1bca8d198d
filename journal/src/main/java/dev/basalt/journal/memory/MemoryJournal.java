package dev.basalt.journal.memory;

import dev.basalt.core.event.InputEvent;
import dev.basalt.journal.InputRecord;
import dev.basalt.journal.Journal;
import dev.basalt.journal.JournalCursor;
import dev.basalt.journal.JournalHeader;
import dev.basalt.journal.OutputRecord;
import dev.basalt.journal.TailRepair;
import java.util.ArrayList;
import java.util.List;

/** A journal held in lists. Thread-safe enough for one input writer, one output writer, readers. */
public final class MemoryJournal implements Journal {
  private final JournalHeader header;
  private final List<InputRecord> inputs = new ArrayList<>();
  private final List<OutputRecord> outputs = new ArrayList<>();

  public MemoryJournal(JournalHeader header) {
    this.header = header;
  }

  @Override
  public JournalHeader header() {
    return header;
  }

  @Override
  public long firstInputSeq() {
    return 0;
  }

  @Override
  public synchronized long nextInputSeq() {
    return inputs.size();
  }

  @Override
  public synchronized long appendInput(InputEvent event, long ingestMillis) {
    long seq = inputs.size();
    inputs.add(new InputRecord(seq, ingestMillis, event));
    return seq;
  }

  @Override
  public synchronized void appendOutput(OutputRecord record) {
    outputs.add(record);
  }

  @Override
  public JournalCursor<InputRecord> readInputs(long fromSeq) {
    return new ListCursor<>(this, inputs, (int) Math.max(0, fromSeq));
  }

  @Override
  public synchronized JournalCursor<OutputRecord> readOutputs(long fromInputSeq) {
    int start = 0;
    while (start < outputs.size() && outputs.get(start).inputSeq() < fromInputSeq) {
      start++;
    }
    return new ListCursor<>(this, outputs, start);
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

  private static final class ListCursor<T> implements JournalCursor<T> {
    private final Object lock;
    private final List<T> list;
    private int next;

    ListCursor(Object lock, List<T> list, int start) {
      this.lock = lock;
      this.list = list;
      this.next = start;
    }

    @Override
    public T next() {
      synchronized (lock) {
        return next < list.size() ? list.get(next++) : null;
      }
    }

    @Override
    public void close() {}
  }
}
