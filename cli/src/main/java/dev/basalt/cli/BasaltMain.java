package dev.basalt.cli;

import dev.basalt.cli.tools.BlockHashCommand;
import dev.basalt.cli.tools.DecodeCommand;
import dev.basalt.cli.tools.OutputRootCommand;
import dev.basalt.replay.cli.ReplayCommand;
import dev.basalt.cli.flags.EnvDefaults;
import dev.basalt.cli.flags.FlagHelp;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of the {@code basalt} command. */
@Command(
    name = "basalt",
    mixinStandardHelpOptions = true,
    versionProvider = BasaltMain.VersionProvider.class,
    description = "Basalt: an OP Stack rollup node built as an event-sourced deterministic state machine.",
    subcommands = {
      NodeCommand.class,
      RegistryCommand.class,
      InfoCommand.class,
      JwtCommand.class,
      ReplayCommand.class,
      DecodeCommand.class,
      BlockHashCommand.class,
      OutputRootCommand.class,
      dev.basalt.cli.sim.SimCommand.class,
      CommandLine.HelpCommand.class
    },
    footer = {
      "",
      "Examples:",
      "  basalt node --dev                 run a local devnet with no external services",
      "  basalt node --help                every node flag, grouped, with its environment variable",
      "  basalt registry                   the chains --chain knows",
      "  basalt jwt new --out jwt.hex      a fresh Engine API secret",
      "  basalt replay verify data/dev     prove a journal replays to identical decisions",
      "  basalt decode batcher-tx --file tx.bin --chain op-mainnet",
      "                                    an L1 batcher tx: frames, channels, batches",
      "  basalt sim --swarm 100             100 seeded simulations with injected faults",
      "  basalt block-hash --file block.json",
      "                                    a block's hash and roots from RPC JSON"
    })
public final class BasaltMain {
  public static void main(String[] args) {
    CommandLine cl = commandLine();
    System.exit(cl.execute(GlobalFlags.afterNode(cl, args)));
  }

  /** The configured command line over the process's environment (tests execute it directly). */
  public static CommandLine commandLine() {
    return commandLine(System.getenv());
  }

  /**
   * The configured command line, its flags' environment variables read from {@code env} (tests hand
   * in their own map).
   */
  public static CommandLine commandLine(Map<String, String> env) {
    CommandLine cl = new CommandLine(new BasaltMain());
    cl.setCaseInsensitiveEnumValuesAllowed(true);
    cl.getSubcommands().get("node").setDefaultValueProvider(new EnvDefaults(env));
    FlagHelp.install(cl);
    return cl;
  }

  static final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {
        "basalt " + Version.current(), "Java " + Runtime.version() + " (" + System.getProperty("java.vendor") + ")"
      };
    }
  }
}
