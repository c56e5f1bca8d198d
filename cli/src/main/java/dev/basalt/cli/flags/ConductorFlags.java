package dev.basalt.cli.flags;

import java.net.URI;
import java.time.Duration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * op-conductor (sequencer high availability): kona's {@code --conductor.rpc} and timeout, and
 * op-node's names. Refused when set until sequencer mode exists (see {@link NotYetWired}).
 */
@Command(description = "op-conductor (arrives with sequencer mode; refused when set)")
public final class ConductorFlags {
  @Option(names = "--conductor.rpc", paramLabel = "URL", description = "op-conductor RPC; giving it enables the conductor (kona).")
  @Env({"KONA_NODE_CONDUCTOR_RPC", "OP_NODE_CONDUCTOR_RPC"})
  URI rpc;

  @Option(names = {"--conductor.rpc.timeout", "--conductor.rpc-timeout"}, paramLabel = "DURATION", defaultValue = "1",
      converter = GoDuration.Seconds.class,
      description = "Conductor call timeout (plain integers are seconds, as kona; or 1s, as op-node).")
  @Env({"KONA_NODE_CONDUCTOR_RPC_TIMEOUT", "OP_NODE_CONDUCTOR_RPC_TIMEOUT"})
  Duration rpcTimeout;

  @Option(names = "--conductor.enabled", arity = "0..1", fallbackValue = "true", defaultValue = "false",
      description = "op-node: enable the conductor.")
  @Env("OP_NODE_CONDUCTOR_ENABLED")
  boolean enabled;
}
