package dev.basalt.cli.sim;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** The commit the working directory's git checkout is at, for reproduction lines of jars built without a stamp. */
final class GitHead {
  private static final long TIMEOUT_SECONDS = 5;

  private GitHead() {}

  /** {@code git rev-parse --short HEAD} in the working directory; empty when git or a checkout is missing. */
  static Optional<String> shortCommit() {
    try {
      Process git = new ProcessBuilder("git", "rev-parse", "--short", "HEAD").redirectErrorStream(true).start();
      String out = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
      if (!git.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        git.destroyForcibly();
        return Optional.empty();
      }
      return git.exitValue() == 0 && out.matches("[0-9a-f]{7,40}") ? Optional.of(out) : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }
}
