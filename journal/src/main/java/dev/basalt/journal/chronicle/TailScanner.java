package dev.basalt.journal.chronicle;

import dev.basalt.journal.JournalCorruptException;
import dev.basalt.journal.frame.DecodedRecord;
import java.util.Optional;
import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.queue.TailerDirection;
import net.openhft.chronicle.wire.DocumentContext;

/**
 * Checks the last records of a stream when the journal opens and finds the first one that fails
 * a check. Everything from there to the end is to be cut: after a crash only the tail can be torn,
 * and later records cannot be trusted to follow a bad one.
 *
 * <p>The scan covers the last {@code windowRecords} records (at least the final one). When the
 * first record of the window is itself bad, nothing before it vouches for the sequence, so the
 * window doubles until it starts on a good record or at the start of the queue.
 */
final class TailScanner {
  /** What the scan found. */
  record Result(long lastSeq, boolean hasLastSeq, Optional<CutRange> cut) {}

  private TailScanner() {}

  /**
   * Scans {@code stream}'s tail.
   *
   * @param seqLimit data records with {@code seq >= seqLimit} are bad (outputs whose input is not
   *     in the journal); {@code Long.MAX_VALUE} for inputs
   */
  static Result scan(QueueStream stream, long windowRecords, long seqLimit) {
    if (stream.isEmpty()) {
      return new Result(0, false, Optional.empty());
    }
    long window = Math.max(1, windowRecords);
    while (true) {
      long start = windowStart(stream, window);
      boolean atQueueStart = start == stream.queue().firstIndex();
      try (StreamReader reader = new StreamReader(stream)) {
        reader.moveTo(start);
        Result result = scanFrom(reader, seqLimit, atQueueStart);
        if (result != null) {
          return result;
        }
      }
      window *= 2;
    }
  }

  /** Null when no good record in this window vouches for the sequence and an earlier start is possible. */
  private static Result scanFrom(StreamReader reader, long seqLimit, boolean atQueueStart) {
    QueueStream stream = reader.stream();
    StreamRules rules = new StreamRules(stream);
    while (true) {
      try {
        StreamReader.Entry entry = reader.next();
        if (entry == null) {
          if (!rules.sequence().hasBaseline() && !atQueueStart) {
            return null;
          }
          SeqState s = SeqState.of(rules);
          return new Result(s.last, s.known, Optional.empty());
        }
        // Before the sequence check, which would otherwise take the bad seq as its baseline.
        if (!(entry.record() instanceof DecodedRecord.Header) && entry.record().seq() >= seqLimit) {
          String reason = "output for input " + entry.record().seq() + ", which is not in the journal";
          throw new JournalCorruptException(stream.name(), entry.index(), reason);
        }
        rules.accept(entry);
      } catch (JournalCorruptException e) {
        // No good record before the bad one in this window: an earlier one may set the baseline.
        if (!rules.sequence().hasBaseline() && !atQueueStart) {
          return null;
        }
        long discarded = 1 + reader.countRemaining();
        long end = stream.queue().lastIndex() + 1;
        CutRange cut = new CutRange(stream.name(), e.index(), end, discarded, StreamRules.reasonOf(e));
        SeqState s = SeqState.of(rules);
        return new Result(s.last, s.known, Optional.of(cut));
      }
    }
  }

  private record SeqState(long last, boolean known) {
    static SeqState of(StreamRules rules) {
      return new SeqState(rules.sequence().last(), rules.sequence().hasBaseline());
    }
  }

  /** The index {@code window} records before the end (not counting cut records), or the first index. */
  private static long windowStart(QueueStream stream, long window) {
    try (ExcerptTailer backward = stream.queue().createTailer()) {
      backward.direction(TailerDirection.BACKWARD).toEnd();
      long start = stream.queue().firstIndex();
      long counted = 0;
      while (counted < window) {
        try (DocumentContext dc = backward.readingDocument()) {
          if (!dc.isPresent()) {
            break;
          }
          start = dc.index();
          if (!stream.isCut(start)) {
            counted++;
          }
        }
      }
      return start;
    }
  }
}
