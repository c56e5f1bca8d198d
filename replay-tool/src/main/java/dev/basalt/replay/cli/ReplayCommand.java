package dev.basalt.replay.cli;

import java.nio.file.Path;
import java.util.Objects;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code replay}: the parent of the replay subcommands. It holds the {@link JournalOpener} the
 * subcommands use, so the {@code cli} module can mount it as {@code basalt replay} unchanged and
 * tests can give it memory journals.
 */
@Command(
    name = "replay",
    mixinStandardHelpOptions = true,
    description = "Replays, inspects and compares journals offline.",
    subcommands = {
      VerifyCommand.class,
      InspectCommand.class,
      EventsCommand.class,
      DiffCommand.class,
      CommandLine.HelpCommand.class
    },
    footer = {
      "",
      "Examples:",
      "  replay verify /var/lib/basalt/journal",
      "  replay inspect /var/lib/basalt/journal --at 123456",
      "  replay events /var/lib/basalt/journal --from 100 --to 200 --type L1HeadObserved",
      "  replay diff node-a/journal node-b/journal",
      "",
      "Exit codes: 0 identical / done, 1 divergence or difference, 2 unreadable journal or usage"
          + " error, 3 the core threw (a core bug), 4 unexpected failure of the tool."
    })
public final class ReplayCommand implements Runnable {
  @Spec private CommandSpec spec;

  private final JournalOpener opener;

  /** Journals on disk. */
  public ReplayCommand() {
    this(JournalOpener.ON_DISK);
  }

  public ReplayCommand(JournalOpener opener) {
    this.opener = Objects.requireNonNull(opener, "opener");
  }

  /** A command line for this command, ready to {@code execute(args)}. */
  public static CommandLine commandLine(JournalOpener opener) {
    return new CommandLine(new ReplayCommand(opener));
  }

  OpenedJournal open(Path dir) {
    return opener.open(dir);
  }

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "Missing subcommand: verify, inspect, events or diff");
  }
}
