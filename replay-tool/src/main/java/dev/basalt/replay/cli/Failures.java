package dev.basalt.replay.cli;

import dev.basalt.journal.JournalCorruptException;
import dev.basalt.replay.CoreApplyException;
import dev.basalt.replay.ReplayException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Turns the failures a replay command can meet into a message on standard error and an exit code.
 * Each command handles its own, so the mapping holds wherever the command is mounted (standalone
 * or under {@code basalt replay}).
 */
final class Failures {
  private Failures() {}

  /** What a command does once its arguments are parsed. */
  @FunctionalInterface
  interface Body {
    int run() throws IOException;
  }

  static int guard(CommandSpec spec, Body body) {
    PrintWriter err = spec.commandLine().getErr();
    try {
      return body.run();
    } catch (JournalCorruptException e) {
      err.println("error: corrupt journal: " + e.getMessage());
      return ExitCodes.UNREADABLE;
    } catch (ReplayException e) {
      err.println("error: " + e.getMessage());
      return ExitCodes.UNREADABLE;
    } catch (IOException | UncheckedIOException e) {
      err.println("error: I/O: " + e.getMessage());
      return ExitCodes.UNREADABLE;
    } catch (CoreApplyException e) {
      err.println("error: the core failed (a bug in the core): " + e.getMessage());
      e.getCause().printStackTrace(err);
      return ExitCodes.CORE_FAILED;
    } catch (RuntimeException e) {
      // Not picocli's default (1), which scripts would read as a divergence.
      err.println("error: unexpected failure (a bug in the replay tool or the journal reader):");
      e.printStackTrace(err);
      return ExitCodes.TOOL_FAILED;
    } finally {
      err.flush();
    }
  }
}
