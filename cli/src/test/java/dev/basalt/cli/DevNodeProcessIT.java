package dev.basalt.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.basalt.core.event.NodeStarted;
import dev.basalt.journal.InputRecord;
import dev.basalt.journal.Journal;
import dev.basalt.journal.JournalCursor;
import dev.basalt.journal.JournalOptions;
import dev.basalt.journal.Journals;
import dev.basalt.replay.ReplayVerifier;
import dev.basalt.replay.VerifyResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The spine's end-to-end check with the node as a real process: run the devnet, stop it with
 * SIGTERM and separately with kill -9, and prove after each stop that the journal replays to
 * identical decisions and that a restart continues the same journal.
 */
@Tag("slow")
class DevNodeProcessIT {
  @TempDir Path dir;

  private Process start(Path log) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    for (String arg : System.getProperty("basalt.child.jvm.args", "").split("\\s+")) {
      if (!arg.isBlank()) {
        command.add(arg);
      }
    }
    command.add("-jar");
    command.add(Path.of("target", "basalt.jar").toAbsolutePath().toString());
    command.addAll(List.of("node", "--dev", "--datadir", dir.toString(), "--dev.l1-block-time", "1"));
    return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
  }

  private static void waitForEvents(Path log, int statusLines) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < deadline) {
      long lines = Files.exists(log) ? Files.readAllLines(log).stream().filter(l -> l.contains(" status ")).count() : 0;
      if (lines >= statusLines) {
        return;
      }
      Thread.sleep(200);
    }
    throw new AssertionError("node did not report status in time:\n" + Files.readString(log));
  }

  private VerifyResult.Identical verify() {
    try (Journal journal = Journals.openExisting(dir, JournalOptions.defaults())) {
      VerifyResult result = new ReplayVerifier(journal, Journals.snapshots(dir)).verify();
      return assertInstanceOf(VerifyResult.Identical.class, result, () -> "replay: " + result);
    }
  }

  private List<InputRecord> inputs() {
    List<InputRecord> all = new ArrayList<>();
    try (Journal journal = Journals.openExisting(dir, JournalOptions.defaults());
        JournalCursor<InputRecord> cursor = journal.readInputs(0)) {
      for (InputRecord r = cursor.next(); r != null; r = cursor.next()) {
        all.add(r);
      }
    }
    return all;
  }

  @Test
  void sigtermAndKillNineBothLeaveAJournalThatReplaysIdenticallyAndRestartsContinue() throws Exception {
    Process first = start(dir.resolveSibling(dir.getFileName() + "-1.log"));
    waitForEvents(dir.resolveSibling(dir.getFileName() + "-1.log"), 1);
    first.destroy(); // SIGTERM
    assertTrue(first.waitFor(30, TimeUnit.SECONDS), "node stopped on SIGTERM");
    VerifyResult.Identical afterTerm = verify();
    assertTrue(afterTerm.stats().events() > 5, "the node journaled events: " + afterTerm.stats().events());

    Path secondLog = dir.resolveSibling(dir.getFileName() + "-2.log");
    Process second = start(secondLog);
    waitForEvents(secondLog, 1);
    second.destroyForcibly(); // kill -9
    assertTrue(second.waitFor(30, TimeUnit.SECONDS));
    VerifyResult.Identical afterKill = verify();
    assertTrue(afterKill.stats().events() > afterTerm.stats().events(), "the restart appended to the same journal");

    Path thirdLog = dir.resolveSibling(dir.getFileName() + "-3.log");
    Process third = start(thirdLog);
    waitForEvents(thirdLog, 1);
    third.destroy();
    assertTrue(third.waitFor(30, TimeUnit.SECONDS));
    assertTrue(Files.readString(thirdLog).contains("recovered core from snapshot"), "warm restart from the snapshot");
    verify();

    List<InputRecord> all = inputs();
    for (int i = 0; i < all.size(); i++) {
      assertEquals(i, all.get(i).seq(), "sequence numbers contiguous across three runs");
    }
    long starts = all.stream().filter(r -> r.event() instanceof NodeStarted).count();
    assertEquals(3, starts, "one NodeStarted per run");
  }
}
