package dev.basalt.cli.flags;

import dev.basalt.core.SequencerConfig;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The node's role ({@code --mode}, op-node's {@code --sequencer.enabled}) and kona's sequencer
 * flags ({@code SequencerArgs}), resolved into the core's {@link SequencerConfig}. Block signing
 * and gossip ({@code --p2p.sequencer.key}) and op-conductor are not wired yet (see {@link
 * NotYetWired}): a sequencer builds, inserts and journals its blocks, and an external batcher
 * posts them.
 */
@Command(description = "Mode and sequencer")
public final class SequencerFlags {
  /** kona's {@code --mode} values. */
  public enum Mode {
    Validator,
    Sequencer
  }

  @Option(names = "--mode", paramLabel = "Validator|Sequencer", defaultValue = "Validator",
      description = "The node's role: Validator follows the chain, Sequencer also builds blocks on the unsafe head.")
  @Env("KONA_NODE_MODE")
  Mode mode;

  @Option(names = "--sequencer.enabled", arity = "0..1", fallbackValue = "true", defaultValue = "false",
      description = "op-node: run as the sequencer (same as --mode Sequencer).")
  @Env("OP_NODE_SEQUENCER_ENABLED")
  boolean enabled;

  @Option(names = "--sequencer.stopped", arity = "0..1", fallbackValue = "true", defaultValue = "false",
      description = "Start the sequencer inactive; admin_startSequencer activates it.")
  @Env("KONA_NODE_SEQUENCER_STOPPED")
  boolean stopped;

  @Option(names = "--sequencer.max-safe-lag", paramLabel = "N", defaultValue = "0",
      description = "Stop sequencing when the unsafe head is N blocks ahead of the safe head (0: no limit).")
  @Env("KONA_NODE_SEQUENCER_MAX_SAFE_LAG")
  long maxSafeLag;

  @Option(names = "--sequencer.l1-confs", paramLabel = "N", defaultValue = "4", description = "L1 confirmations before choosing an L1 origin.")
  @Env("KONA_NODE_SEQUENCER_L1_CONFS")
  long l1Confs;

  @Option(names = "--sequencer.recover", arity = "0..1", fallbackValue = "true", defaultValue = "false",
      description = "Recovery mode: strict next origin and empty blocks.")
  @Env("KONA_NODE_SEQUENCER_RECOVER")
  boolean recover;

  @Option(names = "--sequencer.sealing-duration", paramLabel = "DURATION", defaultValue = "50ms",
      converter = GoDuration.Millis.class,
      description = "Seal a block this long before its slot ends (Go duration or milliseconds; default: ${DEFAULT-VALUE}).")
  @Env("KONA_NODE_SEQUENCER_SEALING_DURATION")
  java.time.Duration sealingDuration;

  /**
   * The core's sequencer settings, checked. {@code keepAdminState} stays off: op-node's {@code
   * --rpc.admin-state} file has no counterpart yet (the admin state lives in the journal).
   */
  public SequencerConfig config() {
    if (l1Confs < 0 || l1Confs > 10_000) {
      throw new FlagException("--sequencer.l1-confs must be 0..10000, got " + l1Confs);
    }
    if (maxSafeLag < 0) {
      throw new FlagException("--sequencer.max-safe-lag must not be negative, got " + maxSafeLag);
    }
    long sealingMillis = sealingDuration.toMillis();
    if (sealingMillis < 0 || sealingMillis > 60_000) {
      throw new FlagException("--sequencer.sealing-duration must be 0..60s, got " + sealingMillis + " ms");
    }
    return new SequencerConfig(l1Confs, sealingMillis, maxSafeLag, recover, stopped, false);
  }

  /** The role asked for: Sequencer by --mode or --sequencer.enabled. */
  public Mode effectiveMode() {
    return enabled ? Mode.Sequencer : mode;
  }
}
