package dev.basalt.journal.chronicle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.basalt.core.event.InputEvent;
import dev.basalt.core.types.Hash32;
import dev.basalt.journal.InputRecord;
import dev.basalt.journal.Journal;
import dev.basalt.journal.JournalCursor;
import dev.basalt.journal.JournalHeader;
import dev.basalt.journal.OutputRecord;
import dev.basalt.journal.frame.RecordFormat;
import dev.basalt.testdata.gen.CommandGenerators;
import dev.basalt.testdata.gen.EventGenerators;
import dev.basalt.testdata.gen.SimRng;
import dev.basalt.testdata.gen.ValueGenerators;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Shared values and helpers for the Chronicle journal tests. */
final class JournalFixtures {
  static final JournalHeader HEADER =
      new JournalHeader(RecordFormat.FORMAT_VERSION, "basalt-test 0.1", 10, Hash32.fromHex("0x" + "ab".repeat(32)), 1_767_225_600_000L);

  private JournalFixtures() {}

  /** The event a test appends as input {@code seq} of a run seeded with {@code seed}. */
  static InputEvent event(long seed, long seq) {
    return EventGenerators.any(new SimRng(seed * 1_000_003L + seq));
  }

  /** The output a test appends for input {@code seq}. */
  static OutputRecord output(long seed, long seq) {
    SimRng rng = new SimRng(~(seed * 1_000_003L + seq));
    Optional<Hash32> hash = rng.chance(1, 8) ? Optional.of(ValueGenerators.hash(rng)) : Optional.empty();
    return new OutputRecord(seq, CommandGenerators.list(rng, 4), hash);
  }

  /** Whether a test appends an output for input {@code seq} (not every input has one). */
  static boolean hasOutput(long seq) {
    return seq % 3 != 1;
  }

  /** Appends inputs {@code [from, to)} and their outputs. */
  static void appendRange(Journal journal, long seed, long from, long to) {
    for (long seq = from; seq < to; seq++) {
      assertEquals(seq, journal.appendInput(event(seed, seq), 1_000 + seq));
      if (hasOutput(seq)) {
        journal.appendOutput(output(seed, seq));
      }
    }
  }

  /** Reads inputs from {@code fromSeq} to the current end and checks them against the fixtures. */
  static long assertInputs(Journal journal, long seed, long fromSeq, long endSeq) {
    long expected = fromSeq;
    try (JournalCursor<InputRecord> cursor = journal.readInputs(fromSeq)) {
      for (InputRecord record = cursor.next(); record != null; record = cursor.next()) {
        assertEquals(expected, record.seq());
        assertEquals(1_000 + expected, record.ingestMillis());
        assertEquals(event(seed, expected), record.event(), "input " + expected);
        expected++;
      }
    }
    assertEquals(endSeq, expected, "inputs end");
    return expected;
  }

  /** Reads outputs from {@code fromSeq} and checks them against the fixtures. */
  static void assertOutputs(Journal journal, long seed, long fromSeq, long endSeq) {
    List<OutputRecord> expected = new ArrayList<>();
    for (long seq = fromSeq; seq < endSeq; seq++) {
      if (hasOutput(seq)) {
        expected.add(output(seed, seq));
      }
    }
    List<OutputRecord> actual = new ArrayList<>();
    try (JournalCursor<OutputRecord> cursor = journal.readOutputs(fromSeq)) {
      for (OutputRecord record = cursor.next(); record != null; record = cursor.next()) {
        actual.add(record);
      }
      assertNull(cursor.next());
    }
    assertEquals(expected, actual);
  }
}
