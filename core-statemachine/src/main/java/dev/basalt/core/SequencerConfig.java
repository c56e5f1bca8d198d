package dev.basalt.core;

/**
 * How the node sequences when it runs as {@link NodeMode#SEQUENCER} (op-node's {@code --sequencer.*}
 * flags). Ignored by a validator. It travels inside {@link CoreConfig}, so a journal replays the
 * sequencer exactly as it ran. The block-signing key is deliberately not part of it: the journal
 * must never hold a secret, so the core hands out the signing hash and the publishing adapter signs.
 *
 * @param l1Confs how many L1 blocks an L1 origin must be behind the L1 head before the sequencer
 *     adopts it ({@code --sequencer.l1-confs}, default 4)
 * @param sealingDurationMillis how long before the slot ends the block is sealed (op-node's
 *     built-in 50 ms)
 * @param maxSafeLag stop building while {@code unsafe - safe >= maxSafeLag} (0: no bound;
 *     {@code --sequencer.max-safe-lag})
 * @param recoverMode build empty blocks and adopt every next L1 origin as soon as it exists
 *     ({@code --sequencer.recover}); the admin API may change it at run time
 * @param startStopped start with sequencing stopped ({@code --sequencer.stopped})
 * @param keepAdminState after a restart keep the started/stopped and recover state the admin API
 *     left, instead of applying {@code startStopped} and {@code recoverMode} again (op-node's
 *     {@code --rpc.admin-state}; here the state lives in the journal and snapshots)
 * @param conductorEnabled op-conductor guards this sequencer ({@code --conductor.enabled}): every
 *     sealed block is committed to the conductor before it is published or inserted, and {@code
 *     admin_startSequencer} asks the conductor for leadership first
 */
public record SequencerConfig(
    long l1Confs, long sealingDurationMillis, long maxSafeLag, boolean recoverMode, boolean startStopped,
    boolean keepAdminState, boolean conductorEnabled) {
  public static final long DEFAULT_L1_CONFS = 4;
  public static final long DEFAULT_SEALING_DURATION_MILLIS = 50;

  /** op-node's defaults: 4 confirmations, 50 ms sealing, no safe lag bound, started, not recovering. */
  public static final SequencerConfig DEFAULTS =
      new SequencerConfig(DEFAULT_L1_CONFS, DEFAULT_SEALING_DURATION_MILLIS, 0, false, false, false, false);

  public SequencerConfig {
    if (l1Confs < 0 || l1Confs > CoreConfig.MAX_VERIFIER_L1_CONFS) {
      throw new IllegalArgumentException("sequencer l1Confs must be 0.." + CoreConfig.MAX_VERIFIER_L1_CONFS + ", got " + l1Confs);
    }
    if (sealingDurationMillis < 0 || sealingDurationMillis > 60_000) {
      throw new IllegalArgumentException("sealingDurationMillis must be 0..60000, got " + sealingDurationMillis);
    }
    if (maxSafeLag < 0) {
      throw new IllegalArgumentException("maxSafeLag must be non-negative, got " + maxSafeLag);
    }
  }

  /** Without op-conductor. */
  public SequencerConfig(
      long l1Confs, long sealingDurationMillis, long maxSafeLag, boolean recoverMode, boolean startStopped,
      boolean keepAdminState) {
    this(l1Confs, sealingDurationMillis, maxSafeLag, recoverMode, startStopped, keepAdminState, false);
  }

  /** The same settings with op-conductor on or off. */
  public SequencerConfig withConductor(boolean enabled) {
    return new SequencerConfig(l1Confs, sealingDurationMillis, maxSafeLag, recoverMode, startStopped, keepAdminState, enabled);
  }
}
