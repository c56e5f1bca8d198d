package dev.basalt.replay;

import dev.basalt.core.Core;
import dev.basalt.core.command.Command;
import dev.basalt.core.event.InputEvent;
import dev.basalt.core.types.Hash32;
import dev.basalt.journal.InputRecord;
import dev.basalt.journal.Journal;
import dev.basalt.journal.JournalCursor;
import dev.basalt.journal.JournalHeader;
import dev.basalt.journal.OutputRecord;
import dev.basalt.journal.TailRepair;
import java.util.List;
import java.util.Optional;

/**
 * A read-only journal of {@code events} {@link CheapEvents}, generated as it is read so millions
 * of records cost no memory. Its outputs come from a core of its own that applies the same events
 * as they are read (the recording run), with a state hash after every {@code hashEvery}-th input.
 */
final class StreamingJournal implements Journal {
  private final long seed;
  private final long events;
  private final int hashEvery;

  StreamingJournal(long seed, long events, int hashEvery) {
    this.seed = seed;
    this.events = events;
    this.hashEvery = hashEvery;
  }

  @Override
  public JournalHeader header() {
    return JournalRecorder.HEADER;
  }

  @Override
  public long firstInputSeq() {
    return 0;
  }

  @Override
  public long nextInputSeq() {
    return events;
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
  public JournalCursor<InputRecord> readInputs(long fromSeq) {
    CheapEvents gen = new CheapEvents(seed);
    return new Cursor<>(fromSeq) {
      @Override
      InputRecord make(long seq) {
        return new InputRecord(seq, 0, gen.next());
      }
    };
  }

  @Override
  public JournalCursor<OutputRecord> readOutputs(long fromInputSeq) {
    CheapEvents gen = new CheapEvents(seed);
    Core recorder = new Core();
    return new Cursor<>(fromInputSeq) {
      @Override
      OutputRecord make(long seq) {
        List<Command> commands = recorder.apply(gen.next());
        Optional<Hash32> hash = (seq + 1) % hashEvery == 0 ? Optional.of(recorder.stateHash()) : Optional.empty();
        return new OutputRecord(seq, commands, hash);
      }
    };
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

  /** Generates records from 0, handing out those from {@code from} on. */
  private abstract class Cursor<T> implements JournalCursor<T> {
    private long seq;
    private final long from;

    Cursor(long from) {
      this.from = from;
    }

    abstract T make(long seq);

    @Override
    public T next() {
      while (seq < events) {
        T record = make(seq++);
        if (seq > from) {
          return record;
        }
      }
      return null;
    }

    @Override
    public void close() {}
  }
}
