package dev.basalt.cli;

import dev.basalt.cli.flags.EnvDefaults;
import dev.basalt.cli.flags.FlagHelp;
import dev.basalt.cli.flags.NotYetWired;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Writes {@code docs/flags.md}, the reference of {@code basalt node}'s flags, from the Picocli
 * model itself: names, variables, defaults, what each does, and whether it is wired. {@code
 * FlagReferenceTest} fails when the checked-in file differs.
 */
public final class FlagReference {
  static final String REGENERATE = "./mvnw -q -B -pl cli -am test -Dtest=FlagReferenceTest -Dsurefire.failIfNoSpecifiedTests=false"
      + " -Dbasalt.flags.write=true";

  private FlagReference() {}

  /** {@code java ... dev.basalt.cli.FlagReference docs/flags.md} writes the file. */
  public static void main(String[] args) throws IOException {
    Files.writeString(Path.of(args.length > 0 ? args[0] : "docs/flags.md"), markdown(), StandardCharsets.UTF_8);
  }

  /** The reference, for the model as it is now. */
  public static String markdown() {
    CommandLine node = BasaltMain.commandLine(Map.of()).getSubcommands().get("node");
    CommandSpec spec = node.getCommandSpec();
    StringBuilder s = new StringBuilder();
    s.append("# `basalt node` flags\n\n");
    s.append("<!-- Generated from the Picocli model by dev.basalt.cli.FlagReference; do not edit by hand. -->\n");
    s.append("<!-- Regenerate: ").append(REGENERATE).append(" -->\n\n");
    s.append("Names, aliases, environment variables and defaults are kona-node's (`KONA_NODE_*`, `KONA_LOG_*`),\n"
        + "with op-node's names and `OP_NODE_*` variables as aliases where they mean the same. A flag on the command line\n"
        + "beats its variables; of several variables the first one set wins. Durations take a plain integer in the unit\n"
        + "the flag names (kona's way) or a Go duration such as `500ms`, `30s`, `1h30m` (op-node's way).\n\n"
        + "**Status**: *wired* flags act; *refused when set* flags are parsed with kona's name and default so that\n"
        + "existing configurations keep working at their defaults, but any other value stops the start with a message\n"
        + "naming the flag and why. P2P (block gossip, discv5 discovery) runs by default on real chains, as in op-node and\n"
        + "kona; `--dev` runs without it unless `--p2p.listen.tcp` is given; `--p2p.disable` turns it off.\n\n");
    Set<String> seen = new HashSet<>();
    for (Map.Entry<String, CommandSpec> m : spec.mixins().entrySet()) {
      if (m.getKey().equals("mixinStandardHelpOptions")) {
        continue;
      }
      List<OptionSpec> options = m.getValue().options().stream().map(o -> spec.findOption(o.longestName())).toList();
      section(s, FlagHelp.heading(m.getKey(), m.getValue()), options, seen);
    }
    section(s, "Other", spec.options().stream().filter(o -> !seen.contains(o.longestName()) && !o.usageHelp() && !o.versionHelp())
        .toList(), seen);
    return s.toString();
  }

  private static void section(StringBuilder s, String heading, List<OptionSpec> options, Set<String> seen) {
    if (options.isEmpty()) {
      return;
    }
    s.append("## ").append(heading).append("\n\n");
    s.append("| Flag | Aliases | Environment | Default | Status | Description |\n");
    s.append("| --- | --- | --- | --- | --- | --- |\n");
    for (OptionSpec o : options) {
      seen.add(o.longestName());
      String first = o.names()[0];
      String primary = primaryName(o);
      List<String> aliases = Arrays.stream(o.names()).filter(n -> !n.equals(primary)).toList();
      s.append("| `").append(cell(primary + label(o))).append("` | ")
          .append(aliases.isEmpty() ? "" : "`" + String.join("`, `", aliases) + "`").append(" | ")
          .append(EnvDefaults.names(o).isEmpty() ? "" : "`" + String.join("`, `", EnvDefaults.names(o)) + "`").append(" | ")
          .append(defaultOf(o)).append(" | ")
          .append(status(primary, first)).append(" | ")
          .append(cell(String.join(" ", o.description()))).append(" |\n");
    }
    s.append('\n');
  }

  /** The name the option was declared with first (kona's), which the tables and messages use. */
  private static String primaryName(OptionSpec o) {
    if (o.userObject() instanceof java.lang.reflect.Field f && f.isAnnotationPresent(CommandLine.Option.class)) {
      return f.getAnnotation(CommandLine.Option.class).names()[0];
    }
    return o.names()[0];
  }

  private static String label(OptionSpec o) {
    if (o.arity().max() == 0 || o.type() == boolean[].class) {
      return "";
    }
    String l = o.type() == boolean.class || o.type() == Boolean.class ? "BOOL" : o.paramLabel();
    return o.arity().min() == 0 ? "[=" + l + "]" : " " + l;
  }

  private static String defaultOf(OptionSpec o) {
    if (o.type() == boolean[].class) {
      return "3 (info)";
    }
    String d = o.defaultValue();
    return d == null ? "" : "`" + cell(d) + "`";
  }

  private static String status(String primary, String first) {
    var refused = NotYetWired.entry(primary).or(() -> NotYetWired.entry(first));
    if (refused.isPresent()) {
      return "refused when set: " + cell(refused.get().reason());
    }
    String accepted = NotYetWired.ACCEPTED_AS_IS.get(primary);
    return accepted != null ? cell(accepted) : "wired";
  }

  private static String cell(String text) {
    return text.replace("|", "\\|").replace("\n", " ");
  }
}
