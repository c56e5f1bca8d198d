package dev.basalt.cli.flags;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The node's role ({@code --mode}, op-node's {@code --sequencer.enabled}) and kona's sequencer
 * flags ({@code SequencerArgs}). Only the validator runs yet: sequencer mode and every sequencer
 * flag set to anything but its default are refused at startup (see {@link NotYetWired}).
 */
@Command(description = "Mode and sequencer (sequencer mode is coming; refused when set)")
public final class SequencerFlags {
  /** kona's {@code --mode} values. */
  public enum Mode {
    Validator,
    Sequencer
  }

  @Option(names = "--mode", paramLabel = "Validator|Sequencer", defaultValue = "Validator",
      description = "The node's role: Validator follows the chain, Sequencer also builds blocks (not yet).")
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

  /** The role asked for: Sequencer by --mode or --sequencer.enabled. */
  public Mode effectiveMode() {
    return enabled ? Mode.Sequencer : mode;
  }
}
