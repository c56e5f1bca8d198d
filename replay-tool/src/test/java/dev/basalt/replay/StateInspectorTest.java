package dev.basalt.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.basalt.core.Core;
import dev.basalt.core.event.ClockTicked;
import dev.basalt.core.state.JsonStateWriter;
import dev.basalt.journal.InputRecord;
import dev.basalt.journal.Journal;
import dev.basalt.journal.memory.MemoryJournal;
import dev.basalt.journal.memory.MemorySnapshotStore;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class StateInspectorTest {
  private static final JournalRecorder.Recorded RUN = new JournalRecorder(100, 1_000).record(23, 5_000);
  private static final List<InputRecord> INPUTS = JournalEdits.inputs(RUN.journal());

  /** The state of a core that applied exactly inputs 0..n, nothing cleverer. */
  private static String expectedJson(long n) {
    Core core = new Core();
    for (int i = 0; i <= n; i++) {
      core.apply(INPUTS.get(i).event());
    }
    return JsonStateWriter.of(core);
  }

  @Test
  void stateAfterNMatchesACoreThatAppliedInputsZeroToN() {
    StateInspector withSnapshots = new StateInspector(RUN.journal(), RUN.snapshots());
    StateInspector without = new StateInspector(RUN.journal(), new MemorySnapshotStore());
    for (long n : new long[] {0, 1, 998, 999, 1_000, 2_345, 4_999}) {
      String expected = expectedJson(n);
      assertEquals(expected, withSnapshots.stateAfter(n).json(), "with snapshots, n=" + n);
      assertEquals(expected, without.stateAfter(n).json(), "without snapshots, n=" + n);
    }
  }

  @Test
  void startsFromTheNewestSnapshotAtOrBeforeN() {
    StateInspector inspector = new StateInspector(RUN.journal(), RUN.snapshots());

    StateInspector.Inspection at = inspector.stateAfter(2_345);
    assertEquals(OptionalLong.of(1_999), at.snapshotSeq());
    assertEquals(346, at.eventsReplayed());

    StateInspector.Inspection exact = inspector.stateAfter(2_999);
    assertEquals(OptionalLong.of(2_999), exact.snapshotSeq());
    assertEquals(0, exact.eventsReplayed());

    StateInspector.Inspection early = inspector.stateAfter(500);
    assertEquals(OptionalLong.empty(), early.snapshotSeq());
    assertEquals(501, early.eventsReplayed());
  }

  @Test
  void worksOnAJournalWhoseEarlyInputsWereDeleted() {
    Journal trimmed = new TrimmedJournal(RUN.journal(), 2_500);
    StateInspector inspector = new StateInspector(trimmed, RUN.snapshots());

    assertEquals(expectedJson(3_210), inspector.stateAfter(3_210).json());
    // The state after a deleted input is still known where a snapshot holds it exactly.
    assertEquals(expectedJson(1_999), inspector.stateAfter(1_999).json());
    ReplayException deleted = assertThrows(ReplayException.class, () -> inspector.stateAfter(2_200));
    assertTrue(deleted.getMessage().startsWith("input 2200 was deleted by retention"), deleted.getMessage());

    StateInspector noSnapshots = new StateInspector(trimmed, new MemorySnapshotStore());
    ReplayException uncovered = assertThrows(ReplayException.class, () -> noSnapshots.stateAfter(3_210));
    assertTrue(uncovered.getMessage().contains("no snapshot between 2499 and 3210"), uncovered.getMessage());
  }

  @Test
  void seqPastTheEndIsRefused() {
    StateInspector inspector = new StateInspector(RUN.journal(), RUN.snapshots());
    ReplayException e = assertThrows(ReplayException.class, () -> inspector.stateAfter(5_000));
    assertTrue(e.getMessage().contains("last input is 4999"), e.getMessage());
    assertThrows(ReplayException.class, () -> inspector.stateAfter(-1));
  }

  @Test
  void coreExceptionNamesTheInput() {
    MemoryJournal noStart = new MemoryJournal(JournalRecorder.HEADER);
    noStart.appendInput(new ClockTicked(5), 0);

    CoreApplyException e =
        assertThrows(CoreApplyException.class, () -> new StateInspector(noStart, new MemorySnapshotStore()).stateAfter(0));
    assertEquals(0, e.inputSeq());
    assertTrue(e.getCause().getMessage().contains("NodeStarted"), e.getCause().getMessage());
  }
}
