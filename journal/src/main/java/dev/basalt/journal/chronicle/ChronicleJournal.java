package dev.basalt.journal.chronicle;

import dev.basalt.core.event.InputEvent;
import dev.basalt.journal.InputRecord;
import dev.basalt.journal.Journal;
import dev.basalt.journal.JournalCursor;
import dev.basalt.journal.JournalHeader;
import dev.basalt.journal.JournalOptions;
import dev.basalt.journal.OutputRecord;
import dev.basalt.journal.Snapshot;
import dev.basalt.journal.TailRepair;
import dev.basalt.journal.file.FileSnapshotStore;
import dev.basalt.journal.frame.DecodedRecord;
import dev.basalt.journal.frame.RecordFormat;
import dev.basalt.journal.frame.RecordKind;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import net.openhft.chronicle.core.time.TimeProvider;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The production {@link Journal}: two Chronicle queues ({@code inputs/}, {@code outputs/}) of
 * records framed by {@link RecordFormat}, {@code journal.meta} beside them, snapshots in {@code
 * snapshots/}.
 *
 * <p>Threading: one thread appends inputs, one other thread appends outputs, each through its own
 * lazily created appender; cursors belong to the thread that opened them. Retention, cursor
 * registration and appender creation synchronize on one lock, so a file is never deleted while a
 * reader or writer may map it.
 */
public final class ChronicleJournal implements Journal {
  private static final Logger log = LoggerFactory.getLogger(ChronicleJournal.class);

  /** Records at the end of each stream that opening checks (at least the final one is always checked). */
  static final long DEFAULT_TAIL_SCAN_RECORDS = 1_000;

  private final JournalDirectory directory;
  private final JournalOptions options;
  private final QueueStream inputs;
  private final QueueStream outputs;
  private final FileSnapshotStore snapshots;
  private final Object retentionLock = new Object();
  private final StreamAppender inputAppender;
  private final StreamAppender outputAppender;
  private final List<ChronicleCursor<?>> cursors = new ArrayList<>();
  private volatile JournalMeta meta;
  private volatile List<TailRepair> repairs = List.of();
  private volatile long nextInputSeq;
  private volatile long lastOutputSeq;
  private volatile long firstInputSeq;
  private volatile boolean closed;
  private int retentionCheckedCycle = StreamAppender.NO_CYCLE;

  private ChronicleJournal(JournalDirectory directory, JournalOptions options, JournalMeta meta, TimeProvider time) {
    this.directory = directory;
    this.options = options;
    this.meta = meta;
    SingleChronicleQueue inputQueue = ChronicleQueues.build(directory.inputs(), options.rollCycle(), time);
    SingleChronicleQueue outputQueue;
    try {
      outputQueue = ChronicleQueues.build(directory.outputs(), options.rollCycle(), time);
    } catch (RuntimeException e) {
      inputQueue.close();
      throw e;
    }
    this.inputs =
        new QueueStream(QueueStream.INPUTS, inputQueue, RecordKind.INPUT, meta.cutsOf(QueueStream.INPUTS));
    this.outputs =
        new QueueStream(QueueStream.OUTPUTS, outputQueue, RecordKind.OUTPUT, meta.cutsOf(QueueStream.OUTPUTS));
    this.snapshots = new FileSnapshotStore(directory.snapshots());
    this.inputAppender = new StreamAppender(inputs, retentionLock);
    this.outputAppender = new StreamAppender(outputs, retentionLock);
  }

  /** Opens the journal in {@code dir}; fails if there is none. */
  public static ChronicleJournal openExisting(Path dir, JournalOptions options) {
    return open(dir, options, null, null, DEFAULT_TAIL_SCAN_RECORDS);
  }

  /** Opens the journal in {@code dir}, creating it with {@code headerIfNew} if there is none. */
  public static ChronicleJournal openOrCreate(Path dir, JournalOptions options, JournalHeader headerIfNew) {
    return open(dir, options, Objects.requireNonNull(headerIfNew, "headerIfNew"), null, DEFAULT_TAIL_SCAN_RECORDS);
  }

  /**
   * Opens with test hooks: a Chronicle time provider (null for the wall clock) to drive roll-overs,
   * and the number of tail records to check.
   *
   * @param headerIfNew null to require an existing journal
   */
  static ChronicleJournal open(
      Path dir, JournalOptions options, JournalHeader headerIfNew, TimeProvider time, long tailScanRecords) {
    Objects.requireNonNull(options, "options");
    JournalDirectory directory = JournalDirectory.open(dir, headerIfNew != null);
    ChronicleJournal journal = null;
    try {
      JournalMeta meta = loadOrCreateMeta(directory, headerIfNew);
      journal = new ChronicleJournal(directory, options, meta, time);
      journal.recover(tailScanRecords);
      return journal;
    } catch (RuntimeException | Error e) {
      if (journal != null) {
        journal.close();
      } else {
        directory.close();
      }
      throw e;
    }
  }

  private static JournalMeta loadOrCreateMeta(JournalDirectory directory, JournalHeader headerIfNew) {
    JournalMeta meta;
    if (directory.meta().toFile().isFile()) {
      meta = JournalMetaFile.read(directory.meta());
    } else {
      if (headerIfNew.formatVersion() != RecordFormat.FORMAT_VERSION) {
        throw new IllegalArgumentException(
            "cannot create a journal of format version "
                + headerIfNew.formatVersion()
                + "; this build writes version "
                + RecordFormat.FORMAT_VERSION);
      }
      meta = JournalMeta.fresh(headerIfNew);
      // The metadata file is what makes a directory a journal, so it is written first.
      JournalMetaFile.write(directory.meta(), meta);
    }
    int format = meta.header().formatVersion();
    if (format != RecordFormat.FORMAT_VERSION) {
      throw new IllegalStateException(
          "journal "
              + directory.dir()
              + " has format version "
              + format
              + "; this build reads version "
              + RecordFormat.FORMAT_VERSION);
    }
    return meta;
  }

  private void recover(long tailScanRecords) {
    JournalRecovery.State state = JournalRecovery.recover(directory, meta, inputs, outputs, tailScanRecords);
    meta = state.meta();
    repairs = state.repairs();
    nextInputSeq = state.nextInputSeq();
    lastOutputSeq = state.lastOutputSeq();
    firstInputSeq = state.firstInputSeq();
    runRetention();
    log.info(
        "Opened journal {}: inputs {}..{}, {} tail repair(s)",
        directory.dir(),
        firstInputSeq,
        nextInputSeq - 1,
        repairs.size());
  }

  @Override
  public JournalHeader header() {
    return meta.header();
  }

  @Override
  public long firstInputSeq() {
    return firstInputSeq;
  }

  @Override
  public long nextInputSeq() {
    return nextInputSeq;
  }

  @Override
  public long appendInput(InputEvent event, long ingestMillis) {
    Objects.requireNonNull(event, "event");
    checkOpen();
    long seq = nextInputSeq;
    long index = inputAppender.append(w -> RecordFormat.encodeInput(w, seq, ingestMillis, event));
    nextInputSeq = seq + 1;
    afterInputAppend(index);
    return seq;
  }

  /** A new input cycle is the moment older ones may have become deletable. */
  private void afterInputAppend(long index) {
    int cycle = inputs.cycleOf(index);
    if (cycle != retentionCheckedCycle) {
      boolean rolled = retentionCheckedCycle != StreamAppender.NO_CYCLE;
      retentionCheckedCycle = cycle;
      if (rolled) {
        try {
          runRetention();
        } catch (RuntimeException e) {
          // The input is appended: failing the append now would invite a duplicate retry.
          // Retention runs again at the next roll or open.
          log.error("Retention failed in journal {}; will retry at the next roll", directory.dir(), e);
        }
      }
    }
  }

  /**
   * Appends the outputs of an applied input. Outputs come in input order, at most one record per
   * input, and only for inputs already journaled.
   *
   * @throws IllegalArgumentException when {@code record} breaks that order
   */
  @Override
  public void appendOutput(OutputRecord record) {
    Objects.requireNonNull(record, "record");
    checkOpen();
    long seq = record.inputSeq();
    if (seq <= lastOutputSeq) {
      throw new IllegalArgumentException(
          "output for input "
              + seq
              + " after the output for input "
              + lastOutputSeq
              + ": outputs must be appended in input order");
    }
    if (seq >= nextInputSeq) {
      throw new IllegalArgumentException(
          "output for input " + seq + ", which is not journaled (next input seq " + nextInputSeq + ")");
    }
    outputAppender.append(w -> RecordFormat.encodeOutput(w, record));
    lastOutputSeq = seq;
  }

  /**
   * Inputs from {@code fromSeq} on (a negative seq counts as 0).
   *
   * @throws IllegalArgumentException when retention already deleted input {@code fromSeq}
   */
  @Override
  public JournalCursor<InputRecord> readInputs(long fromSeq) {
    checkOpen();
    long start = Math.max(0, fromSeq);
    ChronicleCursor<InputRecord> cursor =
        new ChronicleCursor<>(this, inputs, start, true, r -> ((DecodedRecord.Input) r).record());
    // Checked after registering, so retention cannot move the first seq past start in between.
    if (start < firstInputSeq) {
      cursor.close();
      throw new IllegalArgumentException(
          "inputs before seq " + firstInputSeq + " were deleted by retention; cannot read from " + fromSeq);
    }
    return cursor;
  }

  /** Output records for inputs from {@code fromInputSeq} on, as far as retention kept them. */
  @Override
  public JournalCursor<OutputRecord> readOutputs(long fromInputSeq) {
    checkOpen();
    return new ChronicleCursor<>(this, outputs, fromInputSeq, false, r -> ((DecodedRecord.Output) r).record());
  }

  @Override
  public List<TailRepair> repairsOnOpen() {
    return repairs;
  }

  @Override
  public void sync() {
    checkOpen();
    inputAppender.sync();
    outputAppender.sync();
  }

  @Override
  public long sizeBytes() {
    checkOpen();
    return directory.sizeBytes();
  }

  /**
   * Deletes the cycle files retention allows (see {@link Retention}); a no-op when {@code
   * retainCycles} is 0 or there is no valid snapshot. Runs on open and whenever inputs roll to a
   * new cycle.
   */
  void runRetention() {
    if (options.retainCycles() == 0) {
      return;
    }
    Optional<Snapshot> latest = snapshots.latest();
    if (latest.isEmpty()) {
      return;
    }
    long snapshotSeq = latest.get().seq();
    synchronized (retentionLock) {
      if (closed) {
        return;
      }
      int keep = options.retainCycles();
      Retention.Outcome in = Retention.apply(inputs, keep, snapshotSeq, pinnedCycle(inputs, inputAppender));
      Retention.apply(outputs, keep, snapshotSeq, pinnedCycle(outputs, outputAppender));
      if (in.deleted() > 0) {
        firstInputSeq = Math.min(in.firstRemainingSeq(), nextInputSeq);
        meta = meta.withFirstInputSeq(firstInputSeq);
        JournalMetaFile.write(directory.meta(), meta);
      }
    }
  }

  /** The oldest cycle of {@code stream} that a cursor or the appender may still map. */
  private int pinnedCycle(QueueStream stream, StreamAppender appender) {
    int pinned = appender.pinnedCycle();
    for (ChronicleCursor<?> cursor : cursors) {
      if (cursor.stream() == stream) {
        pinned = Math.min(pinned, cursor.pinnedCycle());
      }
    }
    return pinned;
  }

  void register(ChronicleCursor<?> cursor) {
    synchronized (retentionLock) {
      checkOpen();
      cursors.add(cursor);
    }
  }

  void unregister(ChronicleCursor<?> cursor) {
    synchronized (retentionLock) {
      cursors.remove(cursor);
    }
  }

  void checkOpen() {
    if (closed) {
      throw new IllegalStateException("journal " + directory.dir() + " is closed");
    }
  }

  /** Test hook: appends arbitrary bytes as one input record (the input seq does not advance). */
  long appendRawInput(byte[] bytes) {
    checkOpen();
    return inputAppender.appendBytes(bytes, bytes.length);
  }

  /** Test hook: appends arbitrary bytes as one output record. */
  long appendRawOutput(byte[] bytes) {
    checkOpen();
    return outputAppender.appendBytes(bytes, bytes.length);
  }

  /** The snapshot store retention consults (the one in this journal's {@code snapshots/}). */
  FileSnapshotStore snapshots() {
    return snapshots;
  }

  @Override
  public void close() {
    synchronized (retentionLock) {
      if (closed) {
        return;
      }
      closed = true;
    }
    try {
      inputAppender.close();
      outputAppender.close();
      inputs.queue().close();
      outputs.queue().close();
    } finally {
      directory.close();
    }
  }
}
