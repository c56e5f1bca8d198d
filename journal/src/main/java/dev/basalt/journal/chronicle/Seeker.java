package dev.basalt.journal.chronicle;

import dev.basalt.journal.JournalCorruptException;
import dev.basalt.journal.frame.DecodedRecord;
import java.util.NavigableSet;
import net.openhft.chronicle.queue.RollCycle;

/**
 * Finds where to start reading a stream so that the first record with {@code seq >= target} is
 * not skipped, without reading the whole stream: pick the last cycle whose first data record is
 * at or before the target, then binary-search inside it. Sequence numbers grow with storage
 * position, which is what makes both steps valid; a record in a cut range takes the key of the
 * first record after the range, which keeps the keys monotone.
 *
 * <p>The result may be earlier than necessary (the reader skips records before the target), never
 * later. Any corrupt record met while probing makes the seek give up and answer "from the start":
 * reading forward will then report the corruption if it matters.
 */
final class Seeker {
  /** Read from the first record of the queue. */
  static final long FROM_START = Long.MIN_VALUE;

  /** {@link #firstKey} of a cycle without data records. */
  static final long EMPTY = Long.MAX_VALUE;

  private static final long BEFORE_ALL = Long.MIN_VALUE;

  private Seeker() {}

  /** The index to move to before reading towards {@code target}, or {@link #FROM_START}. */
  static long startIndex(StreamReader reader, long target) {
    QueueStream stream = reader.stream();
    int first = stream.queue().firstCycle();
    int last = stream.queue().lastCycle();
    if (first > last) {
      return FROM_START;
    }
    NavigableSet<Long> cycles = stream.queue().listCyclesBetween(first, last);
    try {
      for (long cycle : cycles.descendingSet()) {
        long key = firstKey(reader, (int) cycle);
        if (key != EMPTY && key <= target) {
          return searchCycle(reader, (int) cycle, target);
        }
      }
    } catch (JournalCorruptException e) {
      return FROM_START;
    }
    return FROM_START;
  }

  /** The seq of the first data record stored in {@code cycle}, or {@link #EMPTY}. */
  static long firstKey(StreamReader reader, int cycle) {
    RollCycle rollCycle = reader.stream().rollCycle();
    if (!reader.moveTo(rollCycle.toIndex(cycle, 0))) {
      return EMPTY;
    }
    while (true) {
      StreamReader.Entry entry = reader.next();
      if (entry == null || reader.stream().cycleOf(entry.index()) != cycle) {
        return EMPTY;
      }
      if (!(entry.record() instanceof DecodedRecord.Header)) {
        return entry.record().seq();
      }
    }
  }

  private static long searchCycle(StreamReader reader, int cycle, long target) {
    RollCycle rollCycle = reader.stream().rollCycle();
    long count = reader.excerptsInCycle(cycle);
    long lo = 0;
    long hi = count;
    while (lo < hi) {
      long mid = (lo + hi) >>> 1;
      if (keyAt(reader, cycle, mid) >= target) {
        hi = mid;
      } else {
        lo = mid + 1;
      }
    }
    // Past the last record of the cycle: start at that record and let the reader skip it.
    return rollCycle.toIndex(cycle, Math.min(lo, count - 1));
  }

  private static long keyAt(StreamReader reader, int cycle, long position) {
    if (!reader.moveTo(reader.stream().rollCycle().toIndex(cycle, position))) {
      return EMPTY;
    }
    StreamReader.Entry entry = reader.next();
    if (entry == null || reader.stream().cycleOf(entry.index()) != cycle) {
      return EMPTY;
    }
    return entry.record() instanceof DecodedRecord.Header ? BEFORE_ALL : entry.record().seq();
  }
}
