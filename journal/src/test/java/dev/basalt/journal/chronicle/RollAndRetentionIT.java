package dev.basalt.journal.chronicle;

import static dev.basalt.journal.chronicle.JournalFixtures.HEADER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.basalt.core.types.Bytes;
import dev.basalt.journal.InputRecord;
import dev.basalt.journal.JournalCursor;
import dev.basalt.journal.JournalOptions;
import dev.basalt.journal.Journals;
import dev.basalt.journal.Snapshot;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import net.openhft.chronicle.core.time.SetTimeProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hourly roll-over driven by a settable clock, so cycles and retention are deterministic. */
class RollAndRetentionIT {
  private static final long SEED = 3;
  private static final long HOUR_MILLIS = 3_600_000L;
  private static final int PER_HOUR = 100;
  private static final int HOURS = 6;

  @TempDir Path dir;

  private final SetTimeProvider clock = new SetTimeProvider(Instant.parse("2026-01-01T00:00:00Z"));

  private ChronicleJournal open(int retainCycles) {
    JournalOptions options = new JournalOptions(JournalOptions.RollCycle.HOURLY, retainCycles, false);
    return ChronicleJournal.open(dir, options, HEADER, clock, ChronicleJournal.DEFAULT_TAIL_SCAN_RECORDS);
  }

  /** Six hourly cycles of 100 inputs each: cycle k holds seqs [100k, 100k + 100). */
  private void appendHours(ChronicleJournal journal, int hours) {
    long from = journal.nextInputSeq();
    for (int hour = 0; hour < hours; hour++) {
      JournalFixtures.appendRange(journal, SEED, from, from + PER_HOUR);
      from += PER_HOUR;
      clock.advanceMillis(HOUR_MILLIS);
    }
  }

  private void snapshotAt(long seq) {
    Journals.snapshots(dir).save(new Snapshot(seq, Bytes.fromHex("0x01")));
  }

  @Test
  void readsAndSeeksAcrossRolledCycles() {
    try (ChronicleJournal journal = open(0)) {
      appendHours(journal, HOURS);
      assertEquals(HOURS, cycleFiles("inputs"));
      assertEquals(HOURS, cycleFiles("outputs"));
      for (long from : new long[] {0, 1, 99, 100, 101, 150, 299, 300, 450, 599, 600}) {
        JournalFixtures.assertInputs(journal, SEED, from, 600);
        JournalFixtures.assertOutputs(journal, SEED, from, 600);
      }
    }
  }

  @Test
  void retentionDeletesOnlyCyclesBehindTheNewestSnapshot() {
    try (ChronicleJournal journal = open(2)) {
      appendHours(journal, HOURS);
      journal.runRetention();
      assertEquals(HOURS, cycleFiles("inputs"), "no snapshot, nothing deleted");
      snapshotAt(250);
      journal.runRetention();
      // Cycles 0 and 1 end at 99 and 199; cycle 2 ends at 299, after the snapshot.
      assertEquals(4, cycleFiles("inputs"));
      assertEquals(4, cycleFiles("outputs"));
      assertEquals(200, journal.firstInputSeq());
      assertThrows(IllegalArgumentException.class, () -> journal.readInputs(150));
      JournalFixtures.assertInputs(journal, SEED, 200, 600);
      JournalFixtures.assertInputs(journal, SEED, 420, 600);
      JournalFixtures.assertOutputs(journal, SEED, 200, 600);
      snapshotAt(10_000);
      journal.runRetention();
      assertEquals(2, cycleFiles("inputs"), "the newest two cycles always stay");
      assertEquals(400, journal.firstInputSeq());
    }
    try (ChronicleJournal journal = open(2)) {
      assertEquals(HEADER, journal.header());
      assertEquals(400, journal.firstInputSeq());
      assertEquals(600, journal.nextInputSeq());
      assertEquals(List.of(), journal.repairsOnOpen());
      JournalFixtures.appendRange(journal, SEED, 600, 650);
      JournalFixtures.assertInputs(journal, SEED, 400, 650);
      JournalFixtures.assertOutputs(journal, SEED, 400, 650);
    }
  }

  @Test
  void openCursorsKeepTheirCyclesAlive() {
    try (ChronicleJournal journal = open(2)) {
      appendHours(journal, HOURS);
      snapshotAt(450);
      try (JournalCursor<InputRecord> idle = journal.readInputs(0)) {
        journal.runRetention();
        assertEquals(HOURS, cycleFiles("inputs"), "a cursor that has not read yet pins everything");
        assertEquals(0, idle.next().seq());
      }
      try (JournalCursor<InputRecord> cursor = journal.readInputs(300)) {
        assertEquals(300, cursor.next().seq());
        journal.runRetention();
        // Cycles 0..2 are behind the cursor; cycle 3 is where it reads.
        assertEquals(3, cycleFiles("inputs"));
        assertEquals(300, journal.firstInputSeq());
        for (long seq = 301; seq < 600; seq++) {
          assertEquals(seq, cursor.next().seq());
        }
      }
      journal.runRetention();
      assertEquals(2, cycleFiles("inputs"));
      assertEquals(400, journal.firstInputSeq());
    }
  }

  @Test
  void retentionRunsWhenInputsRollToANewCycle() {
    try (ChronicleJournal journal = open(1)) {
      snapshotAt(150);
      appendHours(journal, 1);
      assertEquals(1, cycleFiles("inputs"));
      // The first append of hour 1 rolls; cycle 0 (seqs up to 99) is behind the snapshot.
      JournalFixtures.appendRange(journal, SEED, 100, 101);
      assertEquals(1, cycleFiles("inputs"));
      assertEquals(100, journal.firstInputSeq());
      JournalFixtures.appendRange(journal, SEED, 101, 200);
      clock.advanceMillis(HOUR_MILLIS);
      // Cycle 1 ends at 199, after the snapshot: it stays.
      JournalFixtures.appendRange(journal, SEED, 200, 201);
      assertEquals(2, cycleFiles("inputs"));
      JournalFixtures.assertInputs(journal, SEED, 100, 201);
    }
  }

  private long cycleFiles(String stream) {
    try (Stream<Path> files = Files.list(dir.resolve(stream))) {
      return files.filter(f -> f.toString().endsWith(".cq4")).count();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
