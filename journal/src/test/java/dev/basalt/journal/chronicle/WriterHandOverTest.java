package dev.basalt.journal.chronicle;

import static dev.basalt.journal.chronicle.JournalFixtures.HEADER;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.basalt.journal.Journal;
import dev.basalt.journal.JournalCursor;
import dev.basalt.journal.JournalOptions;
import dev.basalt.journal.Journals;
import dev.basalt.journal.OutputRecord;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A stream's writer may change threads once the previous writer is done, as on a node restart after
 * kill -9: recovery fills a missing output record on the starting thread, then the dispatch thread
 * appends the next ones. Chronicle's appenders check they stay on one thread; before the hand-over
 * the second writer's append threw and halted the node.
 */
class WriterHandOverTest {
  @TempDir Path dir;

  @Test
  void outputsAndInputsAppendedFromASecondThreadAfterTheFirstIsDone() throws Exception {
    ExecutorService other = Executors.newSingleThreadExecutor();
    try (Journal journal = Journals.openOrCreate(dir, JournalOptions.defaults(), HEADER)) {
      journal.appendInput(JournalFixtures.event(7, 0), 1_000);
      journal.appendInput(JournalFixtures.event(7, 1), 1_001);
      journal.appendOutput(JournalFixtures.output(7, 0));
      other.submit(() -> {
        journal.appendOutput(JournalFixtures.output(7, 1));
        journal.appendInput(JournalFixtures.event(7, 2), 1_002);
      }).get(30, TimeUnit.SECONDS);
      journal.appendOutput(JournalFixtures.output(7, 2)); // and back again
      try (JournalCursor<OutputRecord> outputs = journal.readOutputs(0)) {
        for (long seq = 0; seq < 3; seq++) {
          assertEquals(JournalFixtures.output(7, seq), outputs.next());
        }
      }
      assertEquals(3, journal.nextInputSeq());
    } finally {
      other.shutdownNow();
    }
  }
}
