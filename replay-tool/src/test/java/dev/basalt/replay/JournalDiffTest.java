package dev.basalt.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.basalt.core.command.Command;
import dev.basalt.core.command.FetchEngineHeads;
import dev.basalt.core.event.ClockTicked;
import dev.basalt.journal.InputRecord;
import dev.basalt.journal.OutputRecord;
import dev.basalt.journal.memory.MemoryJournal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class JournalDiffTest {
  private static final int EVENTS = 3_000;
  private static final JournalRecorder.Recorded RUN = new JournalRecorder(25, 0).record(47, EVENTS);

  private static OutputRecord withExtraCommand(OutputRecord r) {
    List<Command> more = new ArrayList<>(r.commands());
    more.add(new FetchEngineHeads(99_999));
    return new OutputRecord(r.inputSeq(), more, r.stateHash());
  }

  @Test
  void identicalJournalsAreReportedSo() {
    DiffResult result = JournalDiff.compare(RUN.journal(), JournalEdits.copy(RUN.journal()));
    assertEquals(new DiffResult.Same(0, EVENTS, EVENTS), result);
    assertTrue(result.describe().startsWith("identical: 3000 inputs"), result.describe());
  }

  @Test
  void ingestTimesDoNotCount() {
    MemoryJournal later =
        JournalEdits.copy(
            RUN.journal(), EVENTS, r -> new InputRecord(r.seq(), r.ingestMillis() + 5, r.event()), UnaryOperator.identity());
    assertInstanceOf(DiffResult.Same.class, JournalDiff.compare(RUN.journal(), later));
  }

  @Test
  void firstDifferingInputIsFoundWithBothSides() {
    long seq = 1_234;
    MemoryJournal b = JournalEdits.withInput(RUN.journal(), seq, new ClockTicked(1));

    DiffResult.InputsDiffer d = assertInstanceOf(DiffResult.InputsDiffer.class, JournalDiff.compare(RUN.journal(), b));
    assertEquals(seq, d.seq());
    assertEquals(JournalEdits.inputs(RUN.journal()).get((int) seq).event(), d.a().orElseThrow().event());
    assertEquals(new ClockTicked(1), d.b().orElseThrow().event());
  }

  @Test
  void firstDifferingOutputIsFoundWhenInputsAgree() {
    long seq = 2_222;
    MemoryJournal b = JournalEdits.withOutput(RUN.journal(), seq, JournalDiffTest::withExtraCommand);

    DiffResult.OutputsDiffer d = assertInstanceOf(DiffResult.OutputsDiffer.class, JournalDiff.compare(RUN.journal(), b));
    assertEquals(seq, d.inputSeq());
    assertEquals(withExtraCommand(d.a().orElseThrow()), d.b().orElseThrow());
    assertTrue(d.describe().contains("not expected: emitted FetchEngineHeads[correlationId=99999]"), d.describe());
  }

  @Test
  void theEarlierOfAnOutputAndAnInputDifferenceWins() {
    MemoryJournal b = JournalEdits.withOutput(RUN.journal(), 500, JournalDiffTest::withExtraCommand);
    b = JournalEdits.withInput(b, 600, new ClockTicked(1));
    assertEquals(500, assertInstanceOf(DiffResult.OutputsDiffer.class, JournalDiff.compare(RUN.journal(), b)).inputSeq());

    MemoryJournal c = JournalEdits.withOutput(RUN.journal(), 700, JournalDiffTest::withExtraCommand);
    c = JournalEdits.withInput(c, 600, new ClockTicked(1));
    assertEquals(600, assertInstanceOf(DiffResult.InputsDiffer.class, JournalDiff.compare(c, RUN.journal())).seq());
  }

  @Test
  void shorterJournalIsReportedWhereItEnds() {
    MemoryJournal shorter = JournalEdits.copy(RUN.journal(), 2_000, UnaryOperator.identity(), UnaryOperator.identity());

    DiffResult.InputsDiffer d = assertInstanceOf(DiffResult.InputsDiffer.class, JournalDiff.compare(RUN.journal(), shorter));
    assertEquals(2_000, d.seq());
    assertTrue(d.a().isPresent());
    assertTrue(d.b().isEmpty());
    assertTrue(d.describe().contains("journal B ends there"), d.describe());

    DiffResult.InputsDiffer r = assertInstanceOf(DiffResult.InputsDiffer.class, JournalDiff.compare(shorter, RUN.journal()));
    assertTrue(r.a().isEmpty() && r.b().isPresent());
  }

  @Test
  void missingTrailingOutputsAreADifference() {
    MemoryJournal killed = JournalEdits.withoutOutputsFrom(RUN.journal(), EVENTS - 2);

    DiffResult.OutputsDiffer d = assertInstanceOf(DiffResult.OutputsDiffer.class, JournalDiff.compare(RUN.journal(), killed));
    assertEquals(EVENTS - 2, d.inputSeq());
    assertTrue(d.b().isEmpty());
    assertTrue(d.describe().contains("(no output record)"), d.describe());
  }
}
