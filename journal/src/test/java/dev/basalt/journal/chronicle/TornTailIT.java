package dev.basalt.journal.chronicle;

import static dev.basalt.journal.chronicle.JournalFixtures.HEADER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.basalt.core.event.GossipPayloadReceived;
import dev.basalt.core.types.Bytes;
import dev.basalt.journal.InputRecord;
import dev.basalt.journal.JournalCorruptException;
import dev.basalt.journal.JournalCursor;
import dev.basalt.journal.JournalOptions;
import dev.basalt.journal.OutputRecord;
import dev.basalt.journal.TailRepair;
import dev.basalt.testdata.gen.SimRng;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TornTailIT {
  private static final long SEED = 2;
  private static final JournalOptions OPTIONS = JournalOptions.defaults();

  @TempDir Path dir;

  private ChronicleJournal open() {
    return ChronicleJournal.open(dir, OPTIONS, HEADER, null, ChronicleJournal.DEFAULT_TAIL_SCAN_RECORDS);
  }

  @Test
  void aGarbageInputAtTheTailIsCutAndReadersSkipIt() {
    long badIndex;
    try (ChronicleJournal journal = open()) {
      JournalFixtures.appendRange(journal, SEED, 0, 10);
      badIndex = journal.appendRawInput(new byte[] {2, 0, 2, 1, 9, 9, 9});
    }
    try (ChronicleJournal journal = open()) {
      TailRepair repair = single(journal.repairsOnOpen());
      assertEquals(new TailRepair("inputs", badIndex, 1, repair.reason()), repair);
      assertTrue(repair.reason().contains("truncated"), repair.reason());
      assertEquals(10, journal.nextInputSeq());
      JournalFixtures.appendRange(journal, SEED, 10, 12);
      JournalFixtures.assertInputs(journal, SEED, 0, 12);
      JournalFixtures.assertInputs(journal, SEED, 10, 12);
      JournalFixtures.assertOutputs(journal, SEED, 0, 12);
    }
  }

  @Test
  void aByteFlippedOnDiskCutsThatInputTheRestAndTheirOutputs() throws IOException {
    byte[] marker = new SimRng(777).bytes(64);
    try (ChronicleJournal journal = open()) {
      JournalFixtures.appendRange(journal, SEED, 0, 15);
      journal.appendInput(new GossipPayloadReceived(1, "peer", 1, Bytes.of(marker)), 1);
      journal.appendOutput(new OutputRecord(15, List.of(), Optional.empty()));
      for (long seq = 16; seq < 20; seq++) {
        journal.appendInput(JournalFixtures.event(SEED, seq), 1_000 + seq);
        journal.appendOutput(new OutputRecord(seq, List.of(), Optional.empty()));
      }
    }
    flipByteInside(dir.resolve("inputs"), marker);
    try (ChronicleJournal journal = open()) {
      List<TailRepair> repairs = journal.repairsOnOpen();
      assertEquals(2, repairs.size(), repairs.toString());
      TailRepair inputs = repairs.get(0);
      assertEquals("inputs", inputs.stream());
      assertEquals(5, inputs.recordsDiscarded());
      assertTrue(inputs.reason().contains("CRC32C mismatch"), inputs.reason());
      TailRepair outputs = repairs.get(1);
      assertEquals("outputs", outputs.stream());
      assertEquals(5, outputs.recordsDiscarded());
      assertTrue(outputs.reason().contains("output for input 15"), outputs.reason());
      assertEquals(15, journal.nextInputSeq());
      JournalFixtures.appendRange(journal, SEED, 15, 30);
      JournalFixtures.assertInputs(journal, SEED, 0, 30);
      JournalFixtures.assertOutputs(journal, SEED, 0, 30);
      JournalFixtures.assertOutputs(journal, SEED, 14, 30);
    }
  }

  @Test
  void repairsAccumulateAndStayCutAfterReopening() {
    long next = 0;
    for (int round = 0; round < 4; round++) {
      try (ChronicleJournal journal = open()) {
        // Each round leaves a bad record at both tails.
        assertEquals(round == 0 ? 0 : 2, journal.repairsOnOpen().size(), "round " + round);
        assertEquals(next, journal.nextInputSeq());
        JournalFixtures.appendRange(journal, SEED, next, next + 7);
        next += 7;
        journal.appendRawInput(new byte[] {(byte) round});
        journal.appendRawOutput(new byte[0]);
      }
    }
    try (ChronicleJournal journal = open()) {
      assertEquals(2, journal.repairsOnOpen().size(), "one input and one output repair");
      // Seeking must land right whatever cut ranges lie before or after the start.
      for (long from = 0; from <= next; from++) {
        JournalFixtures.assertInputs(journal, SEED, from, next);
        JournalFixtures.assertOutputs(journal, SEED, from, next);
      }
    }
    try (ChronicleJournal journal = open()) {
      assertEquals(List.of(), journal.repairsOnOpen());
      JournalFixtures.assertInputs(journal, SEED, 0, next);
    }
  }

  @Test
  void aGarbageOutputCutsOnlyOutputs() {
    long badIndex;
    try (ChronicleJournal journal = open()) {
      JournalFixtures.appendRange(journal, SEED, 0, 9);
      badIndex = journal.appendRawOutput(new byte[] {3, 0, 1, 1});
    }
    try (ChronicleJournal journal = open()) {
      TailRepair repair = single(journal.repairsOnOpen());
      assertEquals("outputs", repair.stream());
      assertEquals(badIndex, repair.index());
      assertEquals(9, journal.nextInputSeq());
      JournalFixtures.appendRange(journal, SEED, 9, 12);
      JournalFixtures.assertOutputs(journal, SEED, 0, 12);
    }
  }

  @Test
  void cutRangesAtTheTailDoNotHideTheSequenceFromLaterScans() {
    try (ChronicleJournal journal = open()) {
      JournalFixtures.appendRange(journal, SEED, 0, 5);
      journal.appendRawInput(new byte[] {1, 2, 3});
      journal.appendRawInput(new byte[] {4, 5, 6});
    }
    try (ChronicleJournal journal = ChronicleJournal.open(dir, OPTIONS, HEADER, null, 1)) {
      assertEquals(2, single(journal.repairsOnOpen()).recordsDiscarded());
      assertEquals(5, journal.nextInputSeq());
    }
    // The last records are now all cut: a one-record window must look past them.
    try (ChronicleJournal journal = ChronicleJournal.open(dir, OPTIONS, HEADER, null, 1)) {
      assertEquals(List.of(), journal.repairsOnOpen());
      assertEquals(5, journal.nextInputSeq());
      JournalFixtures.appendRange(journal, SEED, 5, 8);
      JournalFixtures.assertInputs(journal, SEED, 0, 8);
      JournalFixtures.assertOutputs(journal, SEED, 0, 8);
    }
  }

  @Test
  void aReaderStopsAtACorruptRecordAndKeepsReportingIt() throws IOException {
    byte[] marker = new SimRng(778).bytes(64);
    try (ChronicleJournal journal = open()) {
      JournalFixtures.appendRange(journal, SEED, 0, 3);
      journal.appendInput(new GossipPayloadReceived(1, "peer", 1, Bytes.of(marker)), 1);
      for (long seq = 4; seq < 40; seq++) {
        journal.appendInput(JournalFixtures.event(SEED, seq), 1_000 + seq);
      }
    }
    flipByteInside(dir.resolve("inputs"), marker);
    // Scanning only the last 10 records does not reach input 3, so nothing is cut.
    try (ChronicleJournal journal = ChronicleJournal.open(dir, OPTIONS, HEADER, null, 10)) {
      assertEquals(List.of(), journal.repairsOnOpen());
      assertEquals(40, journal.nextInputSeq());
      try (JournalCursor<InputRecord> cursor = journal.readInputs(0)) {
        for (int i = 0; i < 3; i++) {
          assertEquals(i, cursor.next().seq());
        }
        JournalCorruptException e = assertThrows(JournalCorruptException.class, cursor::next);
        assertEquals("inputs", e.stream());
        assertTrue(e.getMessage().contains("index " + e.index()), e.getMessage());
        assertThrows(JournalCorruptException.class, cursor::next);
      }
      JournalFixtures.assertInputs(journal, SEED, 30, 40);
    }
  }

  private static TailRepair single(List<TailRepair> repairs) {
    assertEquals(1, repairs.size(), repairs.toString());
    return repairs.get(0);
  }

  /** Flips one bit in the middle of the only occurrence of {@code marker} in the queue's files. */
  static void flipByteInside(Path queueDir, byte[] marker) throws IOException {
    int flipped = 0;
    try (Stream<Path> files = Files.list(queueDir)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".cq4")).toList()) {
        byte[] content = Files.readAllBytes(file);
        int at = indexOf(content, marker);
        if (at >= 0) {
          try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.write(ByteBuffer.wrap(new byte[] {(byte) (content[at + 32] ^ 0x04)}), at + 32);
          }
          flipped++;
        }
      }
    }
    assertEquals(1, flipped, "marker found in exactly one file");
  }

  private static int indexOf(byte[] content, byte[] marker) {
    outer:
    for (int i = 0; i + marker.length <= content.length; i++) {
      if (content[i] != marker[0]) {
        continue;
      }
      if (Arrays.equals(content, i, i + marker.length, marker, 0, marker.length)) {
        return i;
      }
      continue outer;
    }
    return -1;
  }
}
