package dev.basalt.cli;

import dev.basalt.adapters.config.ChainRegistry;
import dev.basalt.adapters.config.RegistryChain;
import dev.basalt.core.config.Fork;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code basalt registry}: the chains of the embedded superchain registry with their fork times. */
@Command(
    name = "registry",
    mixinStandardHelpOptions = true,
    description = "List the chains of the embedded superchain registry: chain id, names, fork times.",
    footer = {
      "",
      "Examples:",
      "  basalt registry                  every chain, one line each",
      "  basalt registry --forks          with each fork's activation time",
      "  basalt registry --chain base     one chain (by id or any name --chain accepts)"
    })
final class RegistryCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(names = "--forks", description = "Show every scheduled fork's activation time (UTC) under each chain.")
  boolean forks;

  @Option(names = {"--chain", "-c"}, paramLabel = "ID|NAME", description = "Show only this chain, with its fork times.")
  String chain;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    ChainRegistry registry = ChainRegistry.embedded();
    if (chain != null) {
      RegistryChain c;
      try {
        c = registry.resolve(chain);
      } catch (RuntimeException e) {
        spec.commandLine().getErr().println("basalt registry: " + e.getMessage());
        return 2;
      }
      print(out, registry, c, true);
      return 0;
    }
    out.printf("%-10s %-28s %-32s %s%n", "CHAIN ID", "NETWORK", "NAME", "LATEST FORK");
    for (RegistryChain c : registry.chains()) {
      print(out, registry, c, forks);
    }
    out.printf("%d chains; select one with 'basalt node --chain <id or network>'%n", registry.chains().size());
    return 0;
  }

  private static void print(PrintWriter out, ChainRegistry registry, RegistryChain c, boolean withForks) {
    Map<Fork, Long> times = c.forkTimes();
    String latest = times.isEmpty() ? "bedrock" : lower(times.keySet().stream().reduce((a, b) -> b).orElseThrow());
    String unsupported = c.config().isSupported() ? "" : "  (unsupported: " + c.config().unsupportedFeatures().size() + " feature(s))";
    out.printf("%-10d %-28s %-32s %s%s%n", c.chainId(), c.networkName(), c.displayName(), latest, unsupported);
    if (withForks) {
      out.printf("    names: %s%n", String.join(", ", registry.namesOf(c)));
      out.printf("    %-10s %-12s %s%n", "genesis", c.config().genesis().l2Time(), Instant.ofEpochSecond(c.config().genesis().l2Time()));
      times.forEach((f, t) -> out.printf("    %-10s %-12d %s%n", lower(f), t, Instant.ofEpochSecond(t)));
    }
  }

  private static String lower(Fork f) {
    return f.name().toLowerCase(Locale.ROOT);
  }
}
