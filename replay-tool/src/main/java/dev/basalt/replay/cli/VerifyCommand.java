package dev.basalt.replay.cli;

import dev.basalt.replay.Mismatch;
import dev.basalt.replay.ProgressListener;
import dev.basalt.replay.ReplayVerifier;
import dev.basalt.replay.TerminalProgress;
import dev.basalt.replay.VerifyResult;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code replay verify}: replay the whole journal and compare every output. */
@Command(
    name = "verify",
    mixinStandardHelpOptions = true,
    description = {
      "Replays every input of the journal through a fresh core (or the snapshot the retained"
          + " inputs start after) and compares each recorded command list and state hash.",
      "Prints 'identical: N events, M commands' and exits 0, or prints the first divergence and"
          + " exits 1."
    },
    footer = {
      "",
      "Example:",
      "  replay verify /var/lib/basalt/journal",
      "",
      "Exit codes: 0 identical, 1 divergence, 2 unreadable or corrupt journal, 3 the core threw."
    })
final class VerifyCommand implements Callable<Integer> {
  @Spec private CommandSpec spec;
  @ParentCommand private ReplayCommand parent;

  @Parameters(index = "0", paramLabel = "<journal-dir>", description = "Journal directory.")
  private Path dir;

  @Option(names = "--no-progress", description = "Never draw the progress bar.")
  private boolean noProgress;

  @Override
  public Integer call() {
    return Failures.guard(spec, this::verify);
  }

  private int verify() {
    PrintWriter out = spec.commandLine().getOut();
    ProgressListener progress =
        noProgress ? ProgressListener.NONE : TerminalProgress.forConsole(spec.commandLine().getErr());
    try (OpenedJournal j = parent.open(dir)) {
      VerifyResult result = new ReplayVerifier(j.journal(), j.snapshots(), progress).verify();
      int code =
          switch (result) {
            case VerifyResult.Identical i -> {
              out.println(
                  "identical: " + i.stats().events() + " events, " + i.stats().commandsCompared() + " commands");
              out.println(i.stats().summary());
              yield ExitCodes.OK;
            }
            case VerifyResult.Diverged d -> {
              out.println(d.describe());
              out.println(hint(d));
              yield ExitCodes.DIFFERENT;
            }
            case VerifyResult.CoreFailed f -> {
              out.println(f.describe());
              yield ExitCodes.CORE_FAILED;
            }
          };
      out.flush();
      return code;
    }
  }

  /** Where to look next: the state the input was applied to, or the state whose hash differs. */
  private String hint(VerifyResult.Diverged d) {
    boolean hashDiffers = d.mismatch() instanceof Mismatch.StateHashDiffers;
    long at = hashDiffers ? d.inputSeq() : d.inputSeq() - 1;
    String which = hashDiffers ? "the state after it" : "the state it was applied to";
    String tail = at < 0 ? "" : "; see " + which + " with 'replay inspect " + dir + " --at " + at + "'";
    return "(" + d.stats().events() + " inputs replayed up to and including it" + tail + ")";
  }
}
