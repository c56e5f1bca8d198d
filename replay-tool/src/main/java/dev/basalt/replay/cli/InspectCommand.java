package dev.basalt.replay.cli;

import dev.basalt.replay.ReplayException;
import dev.basalt.replay.StateInspector;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code replay inspect}: the core state after one input, as JSON. */
@Command(
    name = "inspect",
    mixinStandardHelpOptions = true,
    description = {
      "Prints the core state right after input N as JSON, rebuilt from the newest snapshot at or"
          + " before N plus the inputs after it. Where it started and the state hash go to stderr."
    },
    footer = {
      "",
      "Example:",
      "  replay inspect /var/lib/basalt/journal --at 123456 > state-123456.json",
      "",
      "Exit codes: 0 printed, 2 unreadable journal or N not reachable, 3 the core threw."
    })
final class InspectCommand implements Callable<Integer> {
  @Spec private CommandSpec spec;
  @ParentCommand private ReplayCommand parent;

  @Parameters(index = "0", paramLabel = "<journal-dir>", description = "Journal directory.")
  private Path dir;

  @Option(
      names = "--at",
      paramLabel = "N",
      description = "Input sequence number to show the state after (default: the last input).")
  private Long at;

  @Override
  public Integer call() {
    return Failures.guard(spec, this::inspect);
  }

  private int inspect() {
    try (OpenedJournal j = parent.open(dir)) {
      long seq = at != null ? at : j.journal().nextInputSeq() - 1;
      if (seq < 0) {
        throw new ReplayException("the journal has no inputs");
      }
      StateInspector.Inspection state = new StateInspector(j.journal(), j.snapshots()).stateAfter(seq);
      PrintWriter out = spec.commandLine().getOut();
      out.println(state.json());
      out.flush();
      spec.commandLine()
          .getErr()
          .println(
              "state after input "
                  + seq
                  + ": "
                  + state.snapshotSeq().stream().mapToObj(s -> "from snapshot at input " + s).findFirst()
                      .orElse("from a fresh core")
                  + ", "
                  + state.eventsReplayed()
                  + " events replayed; state hash "
                  + state.stateHash());
      return ExitCodes.OK;
    }
  }
}
