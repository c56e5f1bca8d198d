package dev.basalt.cli.flags;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Help;
import picocli.CommandLine.Help.Ansi.Text;
import picocli.CommandLine.Help.ColorScheme;
import picocli.CommandLine.Help.IOptionRenderer;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * {@code --help} for commands built from flag mixins: options grouped under each mixin's heading
 * (its {@code @Command(description)}), and each option's environment variables under it.
 */
public final class FlagHelp {
  private FlagHelp() {}

  /** Installs the env rows on {@code cl} and its subcommands, and grouping where a command has flag mixins. */
  public static void install(CommandLine cl) {
    cl.setHelpFactory(EnvHelp::new);
    install0(cl);
  }

  private static void install0(CommandLine cl) {
    if (cl.getCommandSpec().mixins().values().stream().anyMatch(m -> m.userObject() != null
        && m.userObject().getClass().getPackageName().equals(FlagHelp.class.getPackageName()))) {
      cl.getHelpSectionMap().put(CommandLine.Model.UsageMessageSpec.SECTION_KEY_OPTION_LIST_HEADING, help -> "");
      cl.getHelpSectionMap().put(CommandLine.Model.UsageMessageSpec.SECTION_KEY_OPTION_LIST, FlagHelp::grouped);
    }
    cl.getSubcommands().values().forEach(FlagHelp::install0);
  }

  /** The heading of a mixin's group. */
  public static String heading(String mixinName, CommandSpec mixin) {
    String[] d = mixin.usageMessage().description();
    return d.length > 0 ? d[0] : mixinName.equals("mixinStandardHelpOptions") ? "Help" : mixinName;
  }

  private static String grouped(Help help) {
    CommandSpec spec = help.commandSpec();
    StringBuilder out = new StringBuilder();
    Set<String> seen = new HashSet<>();
    for (Map.Entry<String, CommandSpec> m : spec.mixins().entrySet()) {
      List<OptionSpec> options = m.getValue().options().stream().map(o -> spec.findOption(o.longestName()))
          .filter(o -> o != null && !o.hidden()).toList();
      section(help, out, heading(m.getKey(), m.getValue()), options, seen);
    }
    List<OptionSpec> rest = spec.options().stream().filter(o -> !o.hidden() && !seen.contains(o.longestName())).toList();
    section(help, out, "Other", rest, seen);
    return out.toString();
  }

  private static void section(Help help, StringBuilder out, String heading, List<OptionSpec> options, Set<String> seen) {
    if (options.isEmpty()) {
      return;
    }
    Help.Layout layout = help.createDefaultLayout();
    for (OptionSpec o : options) {
      layout.addOption(o, help.createDefaultParamLabelRenderer());
      seen.add(o.longestName());
    }
    out.append(String.format("%n%s:%n", heading)).append(layout);
  }

  /** picocli's help with a row per option naming its environment variables. */
  private static final class EnvHelp extends Help {
    EnvHelp(CommandSpec spec, ColorScheme scheme) {
      super(spec, scheme);
    }

    @Override
    public IOptionRenderer createDefaultOptionRenderer() {
      IOptionRenderer base = super.createDefaultOptionRenderer();
      return (option, labels, scheme) -> {
        Text[][] rows = base.render(option, labels, scheme);
        List<String> env = EnvDefaults.names(option);
        if (env.isEmpty() || rows.length == 0) {
          return rows;
        }
        Text[][] out = java.util.Arrays.copyOf(rows, rows.length + 1);
        Text[] row = new Text[rows[0].length];
        java.util.Arrays.fill(row, scheme.text(""));
        row[row.length - 1] = scheme.text("env: " + String.join(", ", env));
        out[rows.length] = row;
        return out;
      };
    }
  }
}
