package dev.basalt.journal.chronicle;

import static dev.basalt.journal.chronicle.JournalFixtures.HEADER;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.basalt.journal.InputRecord;
import dev.basalt.journal.Journal;
import dev.basalt.journal.JournalCursor;
import dev.basalt.journal.JournalOptions;
import dev.basalt.journal.Journals;
import dev.basalt.journal.OutputRecord;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The threading the node uses: inputs appended on one thread, outputs on another, while readers
 * tail both streams on their own threads. Waiting threads park briefly; none spins.
 */
class ConcurrentAccessIT {
  private static final long SEED = 4;
  private static final int INPUTS = 20_000;
  private static final long PARK_NANOS = 200_000;

  @TempDir Path dir;

  @Test
  void writersAndTailersRunConcurrently() throws Exception {
    ExecutorService threads = Executors.newFixedThreadPool(4);
    try (Journal journal = Journals.openOrCreate(dir, JournalOptions.defaults(), HEADER)) {
      Future<?> inputWriter = threads.submit(() -> writeInputs(journal));
      Future<?> outputWriter = threads.submit(() -> writeOutputs(journal));
      Future<Long> inputReader = threads.submit(() -> tailInputs(journal));
      Future<Long> outputReader = threads.submit(() -> tailOutputs(journal));
      inputWriter.get(60, TimeUnit.SECONDS);
      outputWriter.get(60, TimeUnit.SECONDS);
      assertEquals(INPUTS, inputReader.get(60, TimeUnit.SECONDS));
      assertEquals(expectedOutputs(), outputReader.get(60, TimeUnit.SECONDS));
      JournalFixtures.assertOutputs(journal, SEED, 0, INPUTS);
    } finally {
      threads.shutdownNow();
      threads.awaitTermination(10, TimeUnit.SECONDS);
    }
  }

  private static void writeInputs(Journal journal) {
    for (long seq = 0; seq < INPUTS; seq++) {
      journal.appendInput(JournalFixtures.event(SEED, seq), 1_000 + seq);
    }
  }

  /** Like the command dispatcher: the output of input n follows once input n is journaled. */
  private static void writeOutputs(Journal journal) {
    for (long seq = 0; seq < INPUTS; seq++) {
      while (journal.nextInputSeq() <= seq) {
        LockSupport.parkNanos(PARK_NANOS);
      }
      if (JournalFixtures.hasOutput(seq)) {
        journal.appendOutput(JournalFixtures.output(SEED, seq));
      }
    }
  }

  private static long tailInputs(Journal journal) {
    long expected = 0;
    try (JournalCursor<InputRecord> cursor = journal.readInputs(0)) {
      while (expected < INPUTS) {
        InputRecord record = cursor.next();
        if (record == null) {
          LockSupport.parkNanos(PARK_NANOS);
          continue;
        }
        assertEquals(new InputRecord(expected, 1_000 + expected, JournalFixtures.event(SEED, expected)), record);
        expected++;
      }
    }
    return expected;
  }

  private static long tailOutputs(Journal journal) {
    long count = 0;
    long last = -1;
    long wanted = expectedOutputs();
    try (JournalCursor<OutputRecord> cursor = journal.readOutputs(0)) {
      while (count < wanted) {
        OutputRecord record = cursor.next();
        if (record == null) {
          LockSupport.parkNanos(PARK_NANOS);
          continue;
        }
        long seq = nextWithOutput(last);
        assertEquals(JournalFixtures.output(SEED, seq), record);
        last = seq;
        count++;
      }
    }
    return count;
  }

  private static long nextWithOutput(long after) {
    long seq = after + 1;
    while (!JournalFixtures.hasOutput(seq)) {
      seq++;
    }
    return seq;
  }

  private static long expectedOutputs() {
    long n = 0;
    for (long seq = 0; seq < INPUTS; seq++) {
      n += JournalFixtures.hasOutput(seq) ? 1 : 0;
    }
    return n;
  }
}
