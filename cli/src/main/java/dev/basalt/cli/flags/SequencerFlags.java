package dev.basalt.cli.flags;

import dev.basalt.core.SequencerConfig;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The node's role ({@code --mode}, op-node's {@code --sequencer.enabled}) and kona's sequencer
 * flags ({@code SequencerArgs}), resolved into the core's {@link SequencerConfig}. Signing
 * ({@link SignerFlags}) and op-conductor ({@link ConductorFlags}) are their own areas; gossip
 * arrives with P2P, and an external batcher posts the blocks.
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
   * The core's sequencer settings, checked. {@code keepAdminState} stays off: op-node keeps the
   * admin state across restarts only with {@code --rpc.admin-state}, whose file then decides {@code
   * startStopped} ({@link #withPersistedState}).
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

  /**
   * op-node's {@code LoadPersisted}: a state in the {@code --rpc.admin-state} file overrides {@code
   * --sequencer.stopped}; a missing file leaves it. A file that is not such a state refuses the start.
   */
  public static SequencerConfig withPersistedState(SequencerConfig config, dev.basalt.adapters.sequencer.AdminStateFile file) {
    java.util.Optional<Boolean> started;
    try {
      started = file.read();
    } catch (IllegalArgumentException e) {
      throw new FlagException("--rpc.admin-state: " + e.getMessage());
    }
    if (started.isEmpty()) {
      return config;
    }
    boolean stopped = !started.get();
    if (stopped != config.startStopped()) {
      org.slf4j.LoggerFactory.getLogger(SequencerFlags.class).warn("Overriding --sequencer.stopped with persisted state (stopped={})", stopped);
    }
    return new SequencerConfig(config.l1Confs(), config.sealingDurationMillis(), config.maxSafeLag(), config.recoverMode(), stopped,
        config.keepAdminState(), config.conductorEnabled());
  }

  /** The role asked for: Sequencer by --mode or --sequencer.enabled. */
  public Mode effectiveMode() {
    return enabled ? Mode.Sequencer : mode;
  }
}
