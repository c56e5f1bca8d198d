package dev.basalt.cli.flags;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

/**
 * The one table of flags Basalt parses with kona's (or op-node's) name, variable and default but
 * does not act on yet. At its default such a flag changes nothing, so it is accepted; set to
 * anything else, on the command line or through its variable, the node refuses to start and names
 * it. The issue that wires a flag removes its row.
 */
public final class NotYetWired {
  static final String BUILDER = "external block builders (rollup-boost) are not supported yet";

  /**
   * One refused flag.
   *
   * @param flag the option's first name
   * @param sample a value other than the default, for the tests that prove the refusal
   * @param reason why, and when it arrives
   */
  public record Entry(String flag, String sample, String reason) {}

  public static final List<Entry> ENTRIES = List.of(
      new Entry("--l2-builder-rpc", "http://builder:8552", BUILDER),
      new Entry("--builder-jwt-secret", "0x01", BUILDER),
      new Entry("--builder-jwt-path", "builder.hex", BUILDER),
      new Entry("--builder-timeout", "100", BUILDER),
      new Entry("--execution-mode", "enabled", BUILDER),
      new Entry("--block-selection-policy", "gas-used", BUILDER),
      new Entry("--external-state-root", "true", BUILDER),
      new Entry("--ignore-unhealthy-builders", "true", BUILDER),
      new Entry("--health-check-interval", "30", BUILDER),
      new Entry("--max-unsafe-interval", "5", BUILDER),
      new Entry("--flashblocks", "true", BUILDER),
      new Entry("--flashblocks-builder-url", "ws://builder:1111", BUILDER),
      new Entry("--flashblocks-host", "0.0.0.0", BUILDER),
      new Entry("--flashblocks-port", "2000", BUILDER),
      new Entry("--flashblock-builder-ws-initial-reconnect-ms", "20", BUILDER),
      new Entry("--flashblock-builder-ws-max-reconnect-ms", "6000", BUILDER),
      new Entry("--flashblock-builder-ws-ping-interval-ms", "600", BUILDER),
      new Entry("--flashblock-builder-ws-pong-timeout-ms", "2000", BUILDER),
      new Entry("--l2-trust-rpc", "false", "re-verifying the engine's block hashes is not implemented; the engine is trusted"),
      new Entry("--syncmode.offset-el-safe", "3600", "the execution-layer sync offset is not implemented yet"),
      new Entry("--l2-follow-source", "http://other-node:9545", "following another node's sync status is not implemented"),
      new Entry("--interop.dependency-set", "deps.json", "interop is not supported"),
      new Entry("--interop-override", "1800000000", "interop is not supported"));

  /** Flags of the areas above that already describe what Basalt does, so any value is honoured (none now). */
  public static final java.util.Map<String, String> ACCEPTED_AS_IS = java.util.Map.of();

  private NotYetWired() {}

  /**
   * The first row whose flag {@code actual} sets to something else than its default, as the
   * message that refuses the start, naming where the value came from.
   *
   * @param defaults the same command parsed with no arguments and an empty environment
   */
  public static Optional<String> refusal(CommandSpec actual, CommandSpec defaults, EnvDefaults env) {
    ParseResult parsed = actual.commandLine().getParseResult();
    for (Entry e : ENTRIES) {
      OptionSpec option = actual.findOption(e.flag());
      if (option == null) {
        throw new IllegalStateException("not-yet-wired flag " + e.flag() + " is not an option of " + actual.qualifiedName());
      }
      Object value = option.getValue();
      if (Objects.equals(value, defaults.findOption(e.flag()).getValue())) {
        continue;
      }
      String source = parsed.hasMatchedOption(option) ? e.flag()
          : env.lookup(EnvDefaults.names(option)).map(v -> v.getKey() + " (" + e.flag() + ")").orElse(e.flag());
      return Optional.of(source + " is not supported yet: " + e.reason());
    }
    return Optional.empty();
  }

  /** The refused flags, for the flag reference. */
  public static List<String> flags() {
    List<String> out = new ArrayList<>();
    ENTRIES.forEach(e -> out.add(e.flag()));
    return out;
  }

  /** The row for {@code flag}, if it is refused. */
  public static Optional<Entry> entry(String flag) {
    return ENTRIES.stream().filter(e -> e.flag().equals(flag)).findFirst();
  }
}
