package dev.basalt.journal.chronicle;

import dev.basalt.journal.JournalCorruptException;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes old cycle files of one stream. A cycle goes only when all of these hold: it is older
 * than the newest {@code keepCycles} cycles; it is older than every cycle a reader or the writer
 * may still map ({@code pinnedCycle}); and every record in it has {@code seq <= snapshotSeq}, so
 * replay can start from that snapshot. Cycles go oldest first and deletion stops at the first
 * cycle that must stay, so what remains is always contiguous.
 */
final class Retention {
  private static final Logger log = LoggerFactory.getLogger(Retention.class);
  private static final long EMPTY = Seeker.EMPTY;

  /** How many files went, and the seq of the first data record of the oldest cycle left. */
  record Outcome(int deleted, long firstRemainingSeq) {}

  private Retention() {}

  static Outcome apply(QueueStream stream, int keepCycles, long snapshotSeq, int pinnedCycle) {
    SingleChronicleQueue queue = stream.queue();
    queue.refreshDirectoryListing();
    int first = queue.firstCycle();
    int last = queue.lastCycle();
    if (first > last) {
      return new Outcome(0, EMPTY);
    }
    List<Integer> cycles = new ArrayList<>();
    queue.listCyclesBetween(first, last).forEach(c -> cycles.add(c.intValue()));
    int candidates = cycles.size() - keepCycles;
    int deleted = 0;
    long firstRemainingSeq = EMPTY;
    try (StreamReader reader = new StreamReader(stream)) {
      for (int i = 0; i < candidates && cycles.get(i) < pinnedCycle; i++) {
        long nextKey = firstKeyFrom(reader, cycles, i + 1);
        if (nextKey == EMPTY || nextKey - 1 > snapshotSeq) {
          break;
        }
        delete(stream.fileFor(cycles.get(i)), stream.name(), cycles.get(i), nextKey, snapshotSeq);
        deleted++;
        firstRemainingSeq = nextKey;
      }
    } catch (JournalCorruptException e) {
      // Probing read a bad record: keep everything from here; readers will report it.
      log.warn("Retention of {} stopped at a corrupt record: {}", stream.name(), e.getMessage());
    }
    if (deleted > 0) {
      queue.refreshDirectoryListing();
    }
    return new Outcome(deleted, firstRemainingSeq);
  }

  private static long firstKeyFrom(StreamReader reader, List<Integer> cycles, int from) {
    for (int j = from; j < cycles.size(); j++) {
      long key = Seeker.firstKey(reader, cycles.get(j));
      if (key != EMPTY) {
        return key;
      }
    }
    return EMPTY;
  }

  private static void delete(File file, String stream, int cycle, long nextSeq, long snapshotSeq) {
    try {
      Files.deleteIfExists(file.toPath());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + file, e);
    }
    log.info(
        "Retention deleted {} cycle {} ({}): all its records are before seq {}, covered by the snapshot at seq {}",
        stream,
        cycle,
        file.getName(),
        nextSeq,
        snapshotSeq);
  }
}
