package dev.basalt.bench;

import dev.basalt.core.event.InputEvent;
import dev.basalt.journal.InputRecord;
import dev.basalt.journal.Journal;
import dev.basalt.journal.JournalCursor;
import dev.basalt.journal.JournalOptions;
import dev.basalt.journal.Journals;
import dev.basalt.testdata.gen.SimRng;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Journal append and sequential read throughput on the Chronicle-backed journal. */
final class JournalBench {
  private JournalBench() {}

  static List<String> run(Path scratch, int rounds, int smallEvents, int blobEvents) throws IOException {
    List<String> lines = new ArrayList<>();
    Measurement appendSmall = new Measurement("journal append, small events (ClockTicked)", smallEvents, 0);
    Measurement readSmall = new Measurement("journal read, small events", smallEvents, 0);
    Measurement appendBlob = new Measurement("journal append, 128 KiB events", blobEvents, (long) blobEvents * Workloads.BLOB_BYTES);
    Measurement readBlob = new Measurement("journal read, 128 KiB events", blobEvents, (long) blobEvents * Workloads.BLOB_BYTES);
    SimRng rng = new SimRng(1);
    InputEvent blob = Workloads.blob(rng);
    for (int round = 0; round < rounds + 1; round++) {
      boolean warmup = round == 0;
      Path dir = Files.createTempDirectory(scratch, "journal");
      try (Journal journal = Journals.openOrCreate(dir, JournalOptions.defaults(), Workloads.HEADER)) {
        long t0 = System.nanoTime();
        for (int i = 0; i < smallEvents; i++) {
          journal.appendInput(Workloads.small(i), i);
        }
        long t1 = System.nanoTime();
        long read = readAll(journal, 0);
        long t2 = System.nanoTime();
        check(read == smallEvents, "read back " + read + " of " + smallEvents);
        long base = journal.nextInputSeq();
        for (int i = 0; i < blobEvents; i++) {
          journal.appendInput(blob, i);
        }
        long t3 = System.nanoTime();
        long blobsRead = readAll(journal, base);
        long t4 = System.nanoTime();
        check(blobsRead == blobEvents, "read back " + blobsRead + " of " + blobEvents);
        if (!warmup) {
          appendSmall.add(t1 - t0);
          readSmall.add(t2 - t1);
          appendBlob.add(t3 - t2);
          readBlob.add(t4 - t3);
        }
      }
      Cleanup.delete(dir);
    }
    lines.add(appendSmall.report());
    lines.add(readSmall.report());
    lines.add(appendBlob.report());
    lines.add(readBlob.report());
    return lines;
  }

  private static long readAll(Journal journal, long from) {
    long n = 0;
    try (JournalCursor<InputRecord> cursor = journal.readInputs(from)) {
      for (InputRecord r = cursor.next(); r != null; r = cursor.next()) {
        n++;
      }
    }
    return n;
  }

  static void check(boolean ok, String message) {
    if (!ok) {
      throw new IllegalStateException(message);
    }
  }
}
