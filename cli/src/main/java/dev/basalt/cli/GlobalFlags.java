package dev.basalt.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * kona-node takes its global flags before the subcommand ({@code kona-node -vvv --chain 8453 node
 * --l1 ...}); Basalt defines them on {@code node}, so {@code basalt -vvv --chain 8453 node ...} is
 * rewritten to {@code basalt node -vvv --chain 8453 ...} when every argument before {@code node} is
 * one of {@code node}'s options (with its value).
 */
final class GlobalFlags {
  private GlobalFlags() {}

  static String[] afterNode(CommandLine cl, String[] args) {
    CommandLine node = cl.getSubcommands().get("node");
    if (node == null || args.length == 0 || !args[0].startsWith("-")) {
      return args;
    }
    CommandSpec spec = node.getCommandSpec();
    int i = 0;
    while (i < args.length && !args[i].equals("node")) {
      String a = args[i];
      String name = a.contains("=") ? a.substring(0, a.indexOf('=')) : a;
      OptionSpec o = option(spec, name);
      if (o == null || o.usageHelp() || o.versionHelp()) {
        return args; // not a node flag (or the top-level help): leave the command line to picocli
      }
      boolean takesValue = !a.contains("=") && o.arity().min() > 0 && o.type() != boolean[].class;
      i += takesValue ? 2 : 1;
    }
    if (i >= args.length) {
      return args;
    }
    List<String> out = new ArrayList<>();
    out.add("node");
    for (int k = 0; k < args.length; k++) {
      if (k != i) {
        out.add(args[k]);
      }
    }
    return out.toArray(String[]::new);
  }

  /** The option for {@code token}: a name, or clustered short flags such as {@code -vvv}. */
  private static OptionSpec option(CommandSpec spec, String token) {
    OptionSpec o = spec.findOption(token);
    if (o == null && token.matches("-([a-zA-Z])\\1+")) {
      o = spec.findOption(token.substring(0, 2));
    }
    return o;
  }
}
