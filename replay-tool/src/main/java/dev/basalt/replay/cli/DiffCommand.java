package dev.basalt.replay.cli;

import dev.basalt.replay.DiffResult;
import dev.basalt.replay.JournalDiff;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code replay diff}: where two journals part. */
@Command(
    name = "diff",
    mixinStandardHelpOptions = true,
    description = {
      "Finds the first input at which two journals differ, in the input events (ingest times are"
          + " ignored) or in the outputs recorded for them, and shows both sides. A journal that"
          + " ends earlier is reported where it ends."
    },
    footer = {
      "",
      "Example:",
      "  replay diff node-a/journal node-b/journal",
      "",
      "Exit codes: 0 identical, 1 different, 2 unreadable or corrupt journal."
    })
final class DiffCommand implements Callable<Integer> {
  @Spec private CommandSpec spec;
  @ParentCommand private ReplayCommand parent;

  @Parameters(index = "0", paramLabel = "<journal-a>", description = "First journal directory (A).")
  private Path dirA;

  @Parameters(index = "1", paramLabel = "<journal-b>", description = "Second journal directory (B).")
  private Path dirB;

  @Override
  public Integer call() {
    return Failures.guard(spec, this::diff);
  }

  private int diff() {
    try (OpenedJournal a = parent.open(dirA);
        OpenedJournal b = parent.open(dirB)) {
      DiffResult result = JournalDiff.compare(a.journal(), b.journal());
      PrintWriter out = spec.commandLine().getOut();
      out.println(result.describe());
      out.flush();
      return result instanceof DiffResult.Same ? ExitCodes.OK : ExitCodes.DIFFERENT;
    }
  }
}
