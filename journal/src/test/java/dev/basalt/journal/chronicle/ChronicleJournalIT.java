package dev.basalt.journal.chronicle;

import static dev.basalt.journal.chronicle.JournalFixtures.HEADER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.basalt.core.event.ClockTicked;
import dev.basalt.core.types.Hash32;
import dev.basalt.journal.InputRecord;
import dev.basalt.journal.Journal;
import dev.basalt.journal.JournalCursor;
import dev.basalt.journal.JournalHeader;
import dev.basalt.journal.JournalOptions;
import dev.basalt.journal.Journals;
import dev.basalt.journal.OutputRecord;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChronicleJournalIT {
  private static final long SEED = 1;
  private static final JournalOptions OPTIONS = JournalOptions.defaults();

  @TempDir Path dir;

  @Test
  void roundTripsThousandsOfMixedRecordsAndReadsFromTheMiddle() {
    try (Journal journal = Journals.openOrCreate(dir, OPTIONS, HEADER)) {
      assertEquals(0, journal.nextInputSeq());
      assertEquals(0, journal.firstInputSeq());
      JournalFixtures.appendRange(journal, SEED, 0, 3_000);
      JournalFixtures.assertInputs(journal, SEED, 0, 3_000);
      JournalFixtures.assertOutputs(journal, SEED, 0, 3_000);
      JournalFixtures.assertInputs(journal, SEED, 1_234, 3_000);
      JournalFixtures.assertOutputs(journal, SEED, 1_234, 3_000);
      JournalFixtures.assertOutputs(journal, SEED, 1_235, 3_000);
      JournalFixtures.assertInputs(journal, SEED, 2_999, 3_000);
      JournalFixtures.assertInputs(journal, SEED, 3_000, 3_000);
      assertTrue(journal.sizeBytes() > 0);
      assertEquals(List.of(), journal.repairsOnOpen());
    }
  }

  @Test
  void reopenKeepsTheHeaderAndContinuesTheSequence() {
    try (Journal journal = Journals.openOrCreate(dir, OPTIONS, HEADER)) {
      JournalFixtures.appendRange(journal, SEED, 0, 500);
    }
    JournalHeader other = new JournalHeader(1, "other", 999, Hash32.ZERO, 1);
    try (Journal journal = Journals.openOrCreate(dir, OPTIONS, other)) {
      assertEquals(HEADER, journal.header());
      assertEquals(500, journal.nextInputSeq());
      assertEquals(List.of(), journal.repairsOnOpen());
      JournalFixtures.appendRange(journal, SEED, 500, 700);
    }
    try (Journal journal = Journals.openExisting(dir, OPTIONS)) {
      assertEquals(HEADER, journal.header());
      assertEquals(700, journal.nextInputSeq());
      JournalFixtures.assertInputs(journal, SEED, 0, 700);
      JournalFixtures.assertOutputs(journal, SEED, 0, 700);
    }
  }

  @Test
  void aCursorSeesRecordsAppendedAfterItReachedTheEnd() {
    try (Journal journal = Journals.openOrCreate(dir, OPTIONS, HEADER);
        JournalCursor<InputRecord> inputs = journal.readInputs(0);
        JournalCursor<OutputRecord> outputs = journal.readOutputs(0)) {
      assertNull(inputs.next());
      assertNull(outputs.next());
      journal.appendInput(new ClockTicked(5), 7);
      assertEquals(new InputRecord(0, 7, new ClockTicked(5)), inputs.next());
      assertNull(inputs.next());
      journal.appendOutput(new OutputRecord(0, List.of(), Optional.empty()));
      assertEquals(new OutputRecord(0, List.of(), Optional.empty()), outputs.next());
    }
  }

  @Test
  void readingFromTheFutureWaitsForThatSeq() {
    try (Journal journal = Journals.openOrCreate(dir, OPTIONS, HEADER)) {
      JournalFixtures.appendRange(journal, SEED, 0, 10);
      try (JournalCursor<InputRecord> cursor = journal.readInputs(15)) {
        assertNull(cursor.next());
        JournalFixtures.appendRange(journal, SEED, 10, 20);
        assertEquals(15, cursor.next().seq());
      }
    }
  }

  @Test
  void outputsMustFollowJournaledInputsInOrder() {
    try (Journal journal = Journals.openOrCreate(dir, OPTIONS, HEADER)) {
      journal.appendInput(new ClockTicked(1), 1);
      journal.appendInput(new ClockTicked(2), 2);
      assertThrows(IllegalArgumentException.class, () -> journal.appendOutput(new OutputRecord(2, List.of(), Optional.empty())));
      journal.appendOutput(new OutputRecord(1, List.of(), Optional.empty()));
      assertThrows(IllegalArgumentException.class, () -> journal.appendOutput(new OutputRecord(0, List.of(), Optional.empty())));
      assertThrows(IllegalArgumentException.class, () -> journal.appendOutput(new OutputRecord(1, List.of(), Optional.empty())));
    }
  }

  @Test
  void openExistingOnSomethingElseFailsNamingTheDirectory() throws IOException {
    Path empty = Files.createDirectories(dir.resolve("nothing-here"));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Journals.openExisting(empty, OPTIONS));
    assertTrue(e.getMessage().contains(empty.toString()), e.getMessage());
    Path missing = dir.resolve("missing");
    e = assertThrows(IllegalArgumentException.class, () -> Journals.openExisting(missing, OPTIONS));
    assertTrue(e.getMessage().contains(missing.toString()), e.getMessage());
    Files.writeString(empty.resolve("notes.txt"), "not a journal");
    e = assertThrows(IllegalArgumentException.class, () -> Journals.openOrCreate(empty, OPTIONS, HEADER));
    assertTrue(e.getMessage().contains(empty.toString()), e.getMessage());
  }

  @Test
  void aJournalCanBeOpenedOnlyOnceAtATime() {
    try (Journal journal = Journals.openOrCreate(dir, OPTIONS, HEADER)) {
      IllegalStateException e = assertThrows(IllegalStateException.class, () -> Journals.openExisting(dir, OPTIONS));
      assertTrue(e.getMessage().contains("already open"), e.getMessage());
      assertEquals(HEADER, journal.header());
    }
    try (Journal journal = Journals.openExisting(dir, OPTIONS)) {
      assertEquals(HEADER, journal.header());
    }
  }

  @Test
  void aCorruptMetadataFileIsReportedNamingIt() throws IOException {
    Journals.openOrCreate(dir, OPTIONS, HEADER).close();
    Path meta = dir.resolve(JournalMetaFile.NAME);
    byte[] bytes = Files.readAllBytes(meta);
    bytes[12] ^= 0x20;
    Files.write(meta, bytes);
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> Journals.openExisting(dir, OPTIONS));
    assertTrue(e.getMessage().contains(meta.toString()) && e.getMessage().contains("CRC32C"), e.getMessage());
    // The failed open released the directory lock.
    JournalMetaFile.write(meta, JournalMeta.fresh(HEADER));
    Journals.openExisting(dir, OPTIONS).close();
  }

  @Test
  void aHeaderRecordThatDisagreesWithTheMetadataIsRefused() {
    Journals.openOrCreate(dir, OPTIONS, HEADER).close();
    JournalMetaFile.write(dir.resolve(JournalMetaFile.NAME), JournalMeta.fresh(new JournalHeader(1, "x", 11, Hash32.ZERO, 0)));
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> Journals.openExisting(dir, OPTIONS));
    assertTrue(e.getMessage().contains("differs"), e.getMessage());
  }

  @Test
  void unsupportedFormatVersionsAreRefused() {
    JournalHeader future = new JournalHeader(2, "future", 10, Hash32.ZERO, 0);
    assertThrows(IllegalArgumentException.class, () -> Journals.openOrCreate(dir, OPTIONS, future));
  }

  @Test
  void aClosedJournalRefusesWork() {
    Journal journal = Journals.openOrCreate(dir, OPTIONS, HEADER);
    JournalCursor<InputRecord> cursor = journal.readInputs(0);
    journal.close();
    assertThrows(IllegalStateException.class, cursor::next);
    assertThrows(IllegalStateException.class, () -> journal.appendInput(new ClockTicked(1), 1));
    cursor.close();
    journal.close();
  }

  @Test
  void syncForcesBothStreams() {
    try (Journal journal = Journals.openOrCreate(dir, new JournalOptions(JournalOptions.RollCycle.HOURLY, 0, true), HEADER)) {
      journal.sync();
      JournalFixtures.appendRange(journal, SEED, 0, 50);
      journal.sync();
      JournalFixtures.assertInputs(journal, SEED, 0, 50);
    }
  }
}
