package dev.basalt.cli.flags;

import dev.basalt.adapters.conductor.ConductorOptions;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * op-conductor (sequencer high availability): op-node's {@code --conductor.enabled}, and kona's
 * {@code --conductor.rpc}, whose presence enables the conductor too; op-node's default endpoint
 * {@code http://127.0.0.1:8547} when only enabled. The timeout bounds each conductor request, all
 * its attempts included.
 */
@Command(description = "op-conductor")
public final class ConductorFlags {
  @Option(names = "--conductor.rpc", paramLabel = "URL",
      description = "op-conductor RPC; giving it enables the conductor (kona). Default with --conductor.enabled: http://127.0.0.1:8547.")
  @Env({"KONA_NODE_CONDUCTOR_RPC", "OP_NODE_CONDUCTOR_RPC"})
  URI rpc;

  @Option(names = {"--conductor.rpc.timeout", "--conductor.rpc-timeout"}, paramLabel = "DURATION", defaultValue = "1",
      converter = GoDuration.Seconds.class,
      description = "Conductor call timeout (plain integers are seconds, as kona; or 1s, as op-node).")
  @Env({"KONA_NODE_CONDUCTOR_RPC_TIMEOUT", "OP_NODE_CONDUCTOR_RPC_TIMEOUT"})
  Duration rpcTimeout;

  @Option(names = "--conductor.enabled", arity = "0..1", fallbackValue = "true", defaultValue = "false",
      description = "op-node: enable the conductor: sealed blocks are committed to it first, starts need its leadership.")
  @Env("OP_NODE_CONDUCTOR_ENABLED")
  boolean enabled;

  /** The conductor to use, checked; empty when neither flag enables it. */
  public Optional<ConductorOptions> options() {
    if (!enabled && rpc == null) {
      return Optional.empty();
    }
    URI url = rpc == null ? ConductorOptions.DEFAULT_URL : rpc;
    String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
    if (!(scheme.equals("http") || scheme.equals("https")) || url.getHost() == null) {
      throw new FlagException("--conductor.rpc: not an http(s) URL: " + url);
    }
    if (rpcTimeout.isNegative() || rpcTimeout.isZero()) {
      throw new FlagException("--conductor.rpc.timeout must be positive, got " + GoDuration.format(rpcTimeout));
    }
    return Optional.of(new ConductorOptions(url, rpcTimeout));
  }
}
