package dev.basalt.replay.cli;

import dev.basalt.replay.EventFilter;
import dev.basalt.replay.EventPrinter;
import java.io.BufferedWriter;
import java.io.Writer;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code replay events}: inputs as JSON lines. */
@Command(
    name = "events",
    mixinStandardHelpOptions = true,
    description = {
      "Prints journaled inputs as JSON lines:"
          + " {\"seq\":..,\"ingestMillis\":..,\"type\":\"..\",\"event\":{...}}",
      "Hashes, addresses and byte strings are 0x hex strings."
    },
    footer = {
      "",
      "Examples:",
      "  replay events /var/lib/basalt/journal --from 1000 --to 1100",
      "  replay events /var/lib/basalt/journal --type l1headobserved --with-outputs | jq .event.head",
      "",
      "Exit codes: 0 printed, 2 unreadable journal or bad arguments."
    })
final class EventsCommand implements Callable<Integer> {
  @Spec private CommandSpec spec;
  @ParentCommand private ReplayCommand parent;

  @Parameters(index = "0", paramLabel = "<journal-dir>", description = "Journal directory.")
  private Path dir;

  @Option(names = "--from", paramLabel = "A", description = "First input to print (inclusive).")
  private Long from;

  @Option(names = "--to", paramLabel = "B", description = "Last input to print (inclusive).")
  private Long to;

  @Option(
      names = "--type",
      paramLabel = "T",
      description = "Only events of this type, by simple class name, any case (e.g. L1HeadObserved).")
  private String type;

  @Option(
      names = "--with-outputs",
      description = "Add the recorded commands and state hash of each input as \"outputs\".")
  private boolean withOutputs;

  @Override
  public Integer call() {
    EventFilter filter;
    try {
      filter = EventFilter.of(from, to, type);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage(), e);
    }
    return Failures.guard(spec, () -> print(filter));
  }

  private int print(EventFilter filter) {
    try (OpenedJournal j = parent.open(dir)) {
      Writer out = new BufferedWriter(spec.commandLine().getOut(), 1 << 16);
      new EventPrinter(j.journal()).print(filter, withOutputs, out);
      return ExitCodes.OK;
    }
  }
}
