package dev.basalt.journal.chronicle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.basalt.journal.InputRecord;
import dev.basalt.journal.Journal;
import dev.basalt.journal.JournalCursor;
import dev.basalt.journal.JournalOptions;
import dev.basalt.journal.Journals;
import dev.basalt.journal.OutputRecord;
import dev.basalt.testdata.gen.SimRng;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * kill -9 for real: a child JVM appends in a tight loop and is SIGKILLed at a random moment;
 * reopening must find a contiguous prefix of inputs that all decode, and appending must go on
 * from there. Eight rounds on the same journal, so whatever each crash leaves accumulates. About
 * 20 s (eight child JVMs), hence "slow": {@code -Pfast} skips it, the default build runs it.
 */
@Tag("slow")
class JournalKillIT {
  private static final Logger log = LoggerFactory.getLogger(JournalKillIT.class);
  private static final int ROUNDS = 8;
  private static final int APPENDED_BY_PARENT = 50;
  private static final long READY_TIMEOUT_MILLIS = 60_000;
  /** Used when the build did not pass the Chronicle flags (running from an IDE). */
  private static final String DEFAULT_CHILD_ARGS =
      "--add-exports=java.base/sun.nio.ch=ALL-UNNAMED --add-opens=java.base/java.lang.reflect=ALL-UNNAMED "
          + "--add-exports=java.base/jdk.internal.ref=ALL-UNNAMED -Dchronicle.analytics.disable=true";

  @TempDir Path dir;

  @Test
  void survivesRepeatedKillNine() throws Exception {
    SimRng rng = new SimRng(2026);
    long previousEnd = 0;
    for (int round = 0; round < ROUNDS; round++) {
      Path childLog = dir.resolve("child-" + round + ".log");
      Process child = startChild(dir.resolve("journal"), childLog);
      try {
        awaitReady(child, childLog);
        Thread.sleep(200 + rng.nextInt(1_300));
      } finally {
        child.destroyForcibly();
      }
      assertTrue(child.waitFor(30, TimeUnit.SECONDS), "child did not die");
      assertEquals(137, child.exitValue(), () -> "child was not killed by SIGKILL:\n" + read(childLog));
      previousEnd = checkAndExtend(dir.resolve("journal"), round, previousEnd);
    }
  }

  /** Reopens, checks everything, appends a few more records and reads them back; returns the end seq. */
  private static long checkAndExtend(Path journalDir, int round, long previousEnd) {
    try (Journal journal = Journals.openExisting(journalDir, JournalOptions.defaults())) {
      long end = journal.nextInputSeq();
      log.info("Round {}: {} inputs after the kill, repairs {}", round, end, journal.repairsOnOpen());
      assertTrue(end > previousEnd, "round " + round + ": the child appended nothing (" + end + ")");
      assertInputsContiguous(journal, 0, end);
      long lastOutput = assertOutputsConsistent(journal, end);
      assertTrue(lastOutput >= previousEnd - 1, "round " + round + ": outputs end at " + lastOutput);
      for (long seq = end; seq < end + APPENDED_BY_PARENT; seq++) {
        assertEquals(seq, journal.appendInput(KillChild.event(seq), seq));
        journal.appendOutput(KillChild.output(seq));
      }
      assertInputsContiguous(journal, end, end + APPENDED_BY_PARENT);
      return end + APPENDED_BY_PARENT;
    }
  }

  /** Every input decodes (the cursor checks frame, CRC and contiguity); content is spot-checked. */
  private static void assertInputsContiguous(Journal journal, long from, long end) {
    long expected = from;
    try (JournalCursor<InputRecord> cursor = journal.readInputs(from)) {
      for (InputRecord record = cursor.next(); record != null; record = cursor.next()) {
        assertEquals(expected, record.seq());
        if (expected % 101 == 0 || end - expected <= 200) {
          assertEquals(KillChild.event(expected), record.event(), "input " + expected);
        }
        expected++;
      }
    }
    assertEquals(end, expected);
  }

  private static long assertOutputsConsistent(Journal journal, long inputEnd) {
    long last = -1;
    try (JournalCursor<OutputRecord> cursor = journal.readOutputs(0)) {
      for (OutputRecord record = cursor.next(); record != null; record = cursor.next()) {
        assertTrue(record.inputSeq() > last && record.inputSeq() < inputEnd, "output for " + record.inputSeq());
        if (record.inputSeq() % 101 == 0 || inputEnd - record.inputSeq() <= 200) {
          assertEquals(KillChild.output(record.inputSeq()), record);
        }
        last = record.inputSeq();
      }
      assertNull(cursor.next());
    }
    return last;
  }

  private static Process startChild(Path journalDir, Path childLog) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx512m");
    command.add("-XX:+UseSerialGC");
    String args = System.getProperty("basalt.child.jvm.args", DEFAULT_CHILD_ARGS);
    command.addAll(Arrays.stream(args.trim().split("\\s+")).filter(a -> !a.isEmpty()).toList());
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(KillChild.class.getName());
    command.add(journalDir.toString());
    return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(childLog.toFile()).start();
  }

  /** Polls the child's log for its READY line; sleeps between polls rather than spinning. */
  private static void awaitReady(Process child, Path childLog) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(READY_TIMEOUT_MILLIS);
    while (System.nanoTime() < deadline) {
      if (read(childLog).contains(KillChild.READY)) {
        return;
      }
      if (!child.isAlive()) {
        fail("child exited with " + child.exitValue() + " before it was ready:\n" + read(childLog));
      }
      Thread.sleep(20);
    }
    fail("child not ready after " + READY_TIMEOUT_MILLIS + " ms:\n" + read(childLog));
  }

  private static String read(Path file) {
    try {
      return Files.exists(file) ? Files.readString(file) : "";
    } catch (IOException e) {
      return "(cannot read " + file + ": " + e + ")";
    }
  }
}
