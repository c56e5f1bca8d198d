package dev.basalt.cli;

import dev.basalt.journal.InputRecord;
import dev.basalt.journal.Journal;
import dev.basalt.journal.JournalCursor;
import dev.basalt.journal.JournalOptions;
import dev.basalt.journal.Journals;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** {@code basalt} as a child process from the packaged jar, for the process-level tests. */
final class NodeProcess {
  private NodeProcess() {}

  /** Starts {@code basalt <args>} with {@code env} added, everything it prints going to {@code log}. */
  static Process start(List<String> args, Map<String, String> env, Path log) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    for (String arg : System.getProperty("basalt.child.jvm.args", "").split("\\s+")) {
      if (!arg.isBlank()) {
        command.add(arg);
      }
    }
    command.add("-jar");
    command.add(Path.of("target", "basalt.jar").toAbsolutePath().toString());
    command.addAll(args);
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    pb.environment().keySet().removeIf(k -> k.startsWith("KONA_NODE_") || k.startsWith("OP_NODE_"));
    pb.environment().putAll(env);
    // The JSON-RPC server on a free port unless a test says otherwise: kona's 9545 may be taken on a shared machine.
    pb.environment().putIfAbsent("KONA_NODE_RPC_PORT", "0");
    return pb.start();
  }

  /** Waits until {@code log} has {@code count} lines matching {@code line}; fails with the log otherwise. */
  static void waitForLines(Path log, Predicate<String> line, int count, long timeoutSeconds) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
    while (System.nanoTime() < deadline) {
      if (lines(log).stream().filter(line).count() >= count) {
        return;
      }
      Thread.sleep(200);
    }
    throw new AssertionError("expected output did not appear in " + timeoutSeconds + " s:\n" + Files.readString(log));
  }

  static List<String> lines(Path log) throws IOException {
    return Files.exists(log) ? Files.readAllLines(log) : List.of();
  }

  /** Every input the journal in {@code dir} holds. */
  static List<InputRecord> inputs(Path dir) {
    List<InputRecord> all = new ArrayList<>();
    try (Journal journal = Journals.openExisting(dir, JournalOptions.defaults());
        JournalCursor<InputRecord> cursor = journal.readInputs(0)) {
      for (InputRecord r = cursor.next(); r != null; r = cursor.next()) {
        all.add(r);
      }
    }
    return all;
  }
}
