package dev.basalt.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.basalt.core.Core;
import dev.basalt.core.command.ScheduleWakeup;
import dev.basalt.core.event.NodeStarted;
import dev.basalt.core.state.JsonStateWriter;
import dev.basalt.journal.InputRecord;
import dev.basalt.journal.Journal;
import dev.basalt.journal.OutputRecord;
import dev.basalt.journal.memory.MemorySnapshotStore;
import dev.basalt.replay.cli.JournalOpener;
import dev.basalt.replay.cli.OpenedJournal;
import dev.basalt.replay.cli.ReplayCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ReplayCommandTest {
  private static final int EVENTS = 4_000;
  private static final JournalRecorder.Recorded RUN = new JournalRecorder(40, 500).record(59, EVENTS);

  private final Map<Path, OpenedJournal> journals = new HashMap<>();
  private final JournalOpener opener =
      dir -> {
        OpenedJournal j = journals.get(dir);
        if (j == null) {
          throw new ReplayException("no journal directory at " + dir);
        }
        return j;
      };

  private record Run(int code, String out, String err) {}

  private Run run(String... args) {
    return run(ReplayCommand.commandLine(opener), args);
  }

  private static Run run(CommandLine cl, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    int code = cl.execute(args);
    return new Run(code, out.toString(), err.toString());
  }

  private String put(String name, Journal journal) {
    journals.put(Path.of(name), new OpenedJournal(journal, RUN.snapshots()));
    return name;
  }

  @Test
  void verifyIdenticalPrintsTheCountsAndExitsZero() {
    long commands = 0;
    for (OutputRecord r : JournalEdits.outputs(RUN.journal())) {
      commands += r.commands().size();
    }

    Run r = run("verify", put("j", RUN.journal()));

    assertEquals(0, r.code(), r.err());
    String[] lines = r.out().split("\n");
    assertEquals(2, lines.length, r.out());
    assertEquals("identical: " + EVENTS + " events, " + commands + " commands", lines[0]);
    assertTrue(lines[1].startsWith(EVENTS / 40 + " state hashes checked; 0 trailing inputs"), lines[1]);
    assertTrue(lines[1].contains("events/s"), lines[1]);
  }

  @Test
  void verifyDivergencePrintsItAndExitsOne() {
    Journal tampered =
        JournalEdits.withOutput(RUN.journal(), 1_500, o -> new OutputRecord(1_500, List.of(new ScheduleWakeup(5, 5)), o.stateHash()));

    Run r = run("verify", put("t", tampered));

    assertEquals(1, r.code());
    assertTrue(r.out().startsWith("divergence at input 1500: commands differ"), r.out());
    assertTrue(r.out().contains("first difference: command #0"), r.out());
    assertTrue(r.out().contains("replay inspect t --at 1499"), r.out());
  }

  @Test
  void verifyCoreFailurePrintsTheStackTraceAndExitsThree() {
    Journal bad = JournalEdits.withInput(RUN.journal(), 321, new NodeStarted(dev.basalt.testdata.gen.TestConfigs.core(2), 0));

    Run r = run("verify", put("b", bad));

    assertEquals(3, r.code());
    assertTrue(r.out().startsWith("core failed at input 321"), r.out());
    assertTrue(r.out().contains("java.lang.IllegalStateException: journal belongs to chain"), r.out());
    assertTrue(r.out().contains("\tat dev.basalt.core.Core.apply"), r.out());
  }

  @Test
  void verifyCorruptJournalNamesTheRecordAndExitsTwo() {
    Run r = run("verify", put("c", new CorruptJournal(RUN.journal(), 17)));

    assertEquals(2, r.code());
    assertTrue(r.err().contains("corrupt journal: inputs record at index 17 is corrupt: CRC32C mismatch"), r.err());
  }

  @Test
  void missingOrUnopenableDirectoryExitsTwo(@TempDir Path empty) {
    Run missing = run(ReplayCommand.commandLine(JournalOpener.ON_DISK), "verify", empty.resolve("nope").toString());
    assertEquals(2, missing.code());
    assertTrue(missing.err().contains("no journal directory at"), missing.err());

    Run notJournal = run(ReplayCommand.commandLine(JournalOpener.ON_DISK), "verify", empty.toString());
    assertEquals(2, notJournal.code());
    assertTrue(notJournal.err().contains("cannot open the journal in " + empty), notJournal.err());
  }

  @Test
  void unexpectedFailureIsNotMistakenForADivergence() {
    JournalOpener broken =
        dir -> {
          throw new IllegalStateException("reader bug");
        };

    Run r = run(ReplayCommand.commandLine(broken), "verify", "x");

    assertEquals(4, r.code());
    assertTrue(r.err().contains("unexpected failure") && r.err().contains("IllegalStateException: reader bug"), r.err());
  }

  @Test
  void inspectPrintsTheStateAfterN() {
    Core core = new Core();
    List<InputRecord> inputs = JournalEdits.inputs(RUN.journal());
    for (int i = 0; i <= 1_234; i++) {
      core.apply(inputs.get(i).event());
    }

    Run r = run("inspect", put("j", RUN.journal()), "--at", "1234");

    assertEquals(0, r.code(), r.err());
    assertEquals(JsonStateWriter.of(core) + "\n", r.out());
    assertTrue(r.err().contains("from snapshot at input 999, 235 events replayed; state hash " + core.stateHash()), r.err());
  }

  @Test
  void inspectPastTheEndExitsTwo() {
    Run r = run("inspect", put("j", RUN.journal()), "--at", String.valueOf(EVENTS));
    assertEquals(2, r.code());
    assertTrue(r.err().contains("is not in the journal"), r.err());
  }

  @Test
  void eventsPrintsTheFilteredLines() {
    Run r = run("events", put("j", RUN.journal()), "--from", "10", "--to", "3000", "--type", "l1safeobserved");

    assertEquals(0, r.code(), r.err());
    long expected =
        JournalEdits.inputs(RUN.journal()).stream()
            .filter(i -> i.seq() >= 10 && i.seq() <= 3_000)
            .filter(i -> i.event().getClass().getSimpleName().equals("L1SafeObserved"))
            .count();
    String[] lines = r.out().split("\n");
    assertTrue(expected > 0);
    assertEquals(expected, lines.length);
    for (String line : lines) {
      assertTrue(line.matches("\\{\"seq\":\\d+,\"ingestMillis\":\\d+,\"type\":\"L1SafeObserved\",\"event\":\\{.*\\}\\}"), line);
    }
  }

  @Test
  void eventsWithAnUnknownTypeIsAUsageError() {
    Run r = run("events", put("j", RUN.journal()), "--type", "NoSuchEvent");
    assertEquals(2, r.code());
    assertTrue(r.err().contains("unknown event type 'NoSuchEvent'; known types: NodeStarted"), r.err());
  }

  @Test
  void diffExitsZeroForSameAndOneForDifferent() {
    String a = put("a", RUN.journal());
    String b = put("b", JournalEdits.copy(RUN.journal()));
    String c = put("c", JournalEdits.withOutput(RUN.journal(), 99, o -> null));

    Run same = run("diff", a, b);
    assertEquals(0, same.code());
    assertTrue(same.out().startsWith("identical: " + EVENTS + " inputs"), same.out());

    Run different = run("diff", a, c);
    assertEquals(1, different.code());
    assertTrue(different.out().startsWith("outputs differ at input 99"), different.out());
  }

  @Test
  void everySubcommandHasHelpWithAnExample() {
    for (String sub : List.of("verify", "inspect", "events", "diff")) {
      Run r = run(sub, "--help");
      assertEquals(0, r.code(), sub);
      assertTrue(r.out().contains("Usage: replay " + sub), r.out());
      assertTrue(r.out().contains("Example"), sub + ": " + r.out());
      assertTrue(r.out().contains("replay " + sub + " "), sub + ": " + r.out());
    }
    Run top = run("--help");
    assertEquals(0, top.code());
    assertTrue(top.out().contains("verify") && top.out().contains("diff"), top.out());
  }

  @Test
  void missingSubcommandOrArgumentIsAUsageError() {
    assertEquals(2, run().code());
    assertEquals(2, run("verify").code());
    assertEquals(2, run("diff", "only-one").code());
  }

  @Test
  void snapshotsAreUsedFromTheOpenedJournal() {
    journals.put(Path.of("trimmed"), new OpenedJournal(new TrimmedJournal(RUN.journal(), 1_000), RUN.snapshots()));
    journals.put(Path.of("nosnap"), new OpenedJournal(new TrimmedJournal(RUN.journal(), 1_000), new MemorySnapshotStore()));

    Run ok = run("verify", "trimmed");
    assertEquals(0, ok.code(), ok.err());
    assertTrue(ok.out().startsWith("identical: " + (EVENTS - 1_000) + " events"), ok.out());
    assertTrue(ok.out().contains("started from snapshot at input 999"), ok.out());

    Run none = run("verify", "nosnap");
    assertEquals(2, none.code());
    assertTrue(none.err().contains("no snapshot between 999 and"), none.err());
  }
}
