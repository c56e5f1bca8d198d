package dev.basalt.journal.chronicle;

import dev.basalt.core.codec.BinaryWriter;
import dev.basalt.journal.JournalCorruptException;
import dev.basalt.journal.JournalHeader;
import dev.basalt.journal.TailRepair;
import dev.basalt.journal.frame.DecodedRecord;
import dev.basalt.journal.frame.RecordFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.wire.DocumentContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What happens between opening the queues and the first append: write the header record into a
 * new (or interrupted-at-creation) queue, scan both tails, cut off what fails its checks (and the
 * outputs of cut inputs), record the cuts in {@code journal.meta}, and work out where the
 * sequence numbers stand.
 */
final class JournalRecovery {
  private static final Logger log = LoggerFactory.getLogger(JournalRecovery.class);

  /** Where the journal stands after recovery. */
  record State(long nextInputSeq, long lastOutputSeq, long firstInputSeq, List<TailRepair> repairs, JournalMeta meta) {}

  private JournalRecovery() {}

  static State recover(
      JournalDirectory directory, JournalMeta meta, QueueStream inputs, QueueStream outputs, long tailScanRecords) {
    ensureHeader(inputs, meta.header());
    ensureHeader(outputs, meta.header());
    TailScanner.Result in = TailScanner.scan(inputs, tailScanRecords, Long.MAX_VALUE);
    long nextInputSeq = in.hasLastSeq() ? in.lastSeq() + 1 : meta.firstInputSeq();
    // Outputs of inputs that are not (or no longer) in the journal go too.
    TailScanner.Result out = TailScanner.scan(outputs, tailScanRecords, nextInputSeq);
    long lastOutputSeq = out.hasLastSeq() ? out.lastSeq() : -1;
    List<CutRange> cuts = new ArrayList<>();
    in.cut().ifPresent(cuts::add);
    out.cut().ifPresent(cuts::add);
    List<TailRepair> repairs = new ArrayList<>();
    if (!cuts.isEmpty()) {
      // Durable before anything is appended after the cut, so the next open skips the same range.
      meta = meta.withCuts(cuts);
      JournalMetaFile.write(directory.meta(), meta);
      inputs.addCuts(in.cut().stream().toList());
      outputs.addCuts(out.cut().stream().toList());
      for (CutRange cut : cuts) {
        TailRepair repair = new TailRepair(cut.stream(), cut.fromIndex(), cut.recordsDiscarded(), cut.reason());
        repairs.add(repair);
        log.warn(
            "Journal {}: cut {} record(s) off the {} tail from index {} (0x{}): {}",
            directory.dir(),
            cut.recordsDiscarded(),
            cut.stream(),
            cut.fromIndex(),
            Long.toHexString(cut.fromIndex()),
            cut.reason());
      }
    }
    long firstInputSeq = firstInputSeq(inputs, meta, nextInputSeq);
    return new State(nextInputSeq, lastOutputSeq, firstInputSeq, List.copyOf(repairs), meta);
  }

  /** Writes the header as the first record of an empty queue; checks it against the meta otherwise. */
  private static void ensureHeader(QueueStream stream, JournalHeader header) {
    if (stream.isEmpty()) {
      BinaryWriter w = new BinaryWriter();
      RecordFormat.encodeHeader(w, header);
      try (ExcerptAppender appender = stream.queue().createAppender();
          DocumentContext dc = appender.writingDocument()) {
        dc.wire().bytes().write(w.buffer(), 0, w.size());
      }
      return;
    }
    Optional<JournalHeader> stored = Optional.empty();
    try (StreamReader reader = new StreamReader(stream)) {
      reader.toStart();
      StreamReader.Entry first = reader.next();
      if (first != null && first.record() instanceof DecodedRecord.Header h) {
        stored = Optional.of(h.header());
      }
    } catch (JournalCorruptException e) {
      // A corrupt first record is for the tail scan (or a reader) to report, not a header mismatch.
    }
    if (stored.isPresent() && !stored.get().equals(header)) {
      throw new IllegalStateException(
          "the header record of "
              + stream.queue().file()
              + " ("
              + stored.get()
              + ") differs from "
              + JournalMetaFile.NAME
              + " ("
              + header
              + ")");
    }
  }

  /** The seq of the first input still stored (retention may have deleted older cycles). */
  private static long firstInputSeq(QueueStream inputs, JournalMeta meta, long nextInputSeq) {
    if (inputs.isEmpty()) {
      return nextInputSeq;
    }
    int first = inputs.queue().firstCycle();
    int last = inputs.queue().lastCycle();
    try (StreamReader reader = new StreamReader(inputs)) {
      for (long cycle : inputs.queue().listCyclesBetween(first, last)) {
        long key = Seeker.firstKey(reader, (int) cycle);
        if (key != Seeker.EMPTY) {
          return Math.min(key, nextInputSeq);
        }
      }
      return nextInputSeq;
    } catch (JournalCorruptException e) {
      log.warn(
          "The first stored input is corrupt ({}); taking the first input seq {} from {}",
          e.getMessage(),
          meta.firstInputSeq(),
          JournalMetaFile.NAME);
      return Math.min(meta.firstInputSeq(), nextInputSeq);
    }
  }
}
