package dev.basalt.core;

import dev.basalt.core.config.L1ChainConfig;
import dev.basalt.core.config.RollupConfig;
import java.util.Objects;

/**
 * Everything the core needs to know about its configuration. It arrives inside the
 * {@link dev.basalt.core.event.NodeStarted} event, so a journal alone is enough to replay a run.
 *
 * @param rollup the rollup's protocol configuration
 * @param l1 the L1 chain's fork and blob-fee schedule (the L1-info deposit depends on it)
 * @param mode validator or sequencer
 * @param syncMode consensus-layer (derive everything) or execution-layer (engine syncs first)
 * @param verifierL1Confs how many L1 blocks derivation stays behind the L1 head (op-node's
 *     {@code --verifier.l1-confs}), so that shallow L1 reorgs never reach derivation
 * @param sequencer how to sequence in {@link NodeMode#SEQUENCER} mode (ignored by a validator)
 */
public record CoreConfig(
    RollupConfig rollup, L1ChainConfig l1, NodeMode mode, SyncMode syncMode, long verifierL1Confs,
    SequencerConfig sequencer) {
  /** Far above any sensible confirmation depth; stops a typo from stalling derivation for days. */
  public static final long MAX_VERIFIER_L1_CONFS = 10_000;

  public CoreConfig {
    Objects.requireNonNull(rollup, "rollup");
    Objects.requireNonNull(l1, "l1");
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(syncMode, "syncMode");
    Objects.requireNonNull(sequencer, "sequencer");
    if (verifierL1Confs < 0 || verifierL1Confs > MAX_VERIFIER_L1_CONFS) {
      throw new IllegalArgumentException("verifierL1Confs must be 0.." + MAX_VERIFIER_L1_CONFS + ", got " + verifierL1Confs);
    }
    if (l1.chainId() != rollup.l1ChainId()) {
      throw new IllegalArgumentException(
          "L1 config is for chain " + l1.chainId() + " but the rollup settles on " + rollup.l1ChainId());
    }
  }

  /** The sequencer's defaults (a validator ignores them). */
  public CoreConfig(RollupConfig rollup, L1ChainConfig l1, NodeMode mode, SyncMode syncMode, long verifierL1Confs) {
    this(rollup, l1, mode, syncMode, verifierL1Confs, SequencerConfig.DEFAULTS);
  }

  /** A sequencer with this configuration (consensus-layer sync, no verifier depth). */
  public static CoreConfig sequencer(RollupConfig rollup, L1ChainConfig l1, SequencerConfig sequencer) {
    return new CoreConfig(rollup, l1, NodeMode.SEQUENCER, SyncMode.CONSENSUS_LAYER, 0, sequencer);
  }

  public boolean sequencing() {
    return mode == NodeMode.SEQUENCER;
  }

  /** Consensus-layer sync with no confirmation depth: op-node's defaults. */
  public CoreConfig(RollupConfig rollup, L1ChainConfig l1, NodeMode mode) {
    this(rollup, l1, mode, SyncMode.CONSENSUS_LAYER, 0);
  }

  public long l1ChainId() {
    return rollup.l1ChainId();
  }

  public long l2ChainId() {
    return rollup.l2ChainId();
  }

  public long blockTimeSeconds() {
    return rollup.blockTimeSeconds();
  }
}
