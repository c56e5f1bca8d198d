package dev.basalt.testdata.sim;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * What a CI swarm test prints and fails with: the summary table and, for every failing seed, the
 * one-line command that reproduces it beside the commit under test (read from git, as the
 * {@code ./basalt} launcher stamps it into the jar it builds).
 */
final class SwarmVerdict {
  private SwarmVerdict() {}

  static String of(Swarm.Summary summary) {
    List<String> lines = new ArrayList<>(summary.table());
    lines.addAll(summary.reproductions(commit()));
    return String.join("\n", lines);
  }

  static String commit() {
    try {
      Process git = new ProcessBuilder("git", "rev-parse", "--short", "HEAD").redirectErrorStream(true).start();
      String out = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
      return git.waitFor() == 0 && !out.isEmpty() ? out : "unknown";
    } catch (IOException e) {
      return "unknown";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "unknown";
    }
  }
}
