package dev.basalt.core.config;

import dev.basalt.core.types.Address;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/**
 * A rollup's protocol configuration (op-node's {@code rollup.Config}). Timing rules that change at
 * a fork are methods here.
 *
 * @param channelTimeoutBedrock channel timeout in L1 blocks before Granite (300 on OP chains)
 * @param pectraBlobScheduleTime L1 origin time of the optional Pectra blob-schedule fix, -1 when
 *     unset (see {@link #forcesCancunBlobFraction})
 * @param keepKarstUpgradeGas keep the Karst upgrade gas in later blocks' gas limit (registry flag)
 * @param protocolVersionsAddress L1 ProtocolVersions contract, {@link Address#ZERO} when none
 * @param unsupportedFeatures features of this chain Basalt does not implement, kept in declaration
 *     order without repeats; a runnable config has none (loaders refuse the others)
 */
public record RollupConfig(
    long l1ChainId,
    long l2ChainId,
    ChainGenesis genesis,
    long blockTimeSeconds,
    long maxSequencerDriftSeconds,
    long seqWindowSize,
    long channelTimeoutBedrock,
    Address batchInboxAddress,
    Address depositContractAddress,
    Address l1SystemConfigAddress,
    ForkSchedule forks,
    long pectraBlobScheduleTime,
    Eip1559Params eip1559,
    boolean keepKarstUpgradeGas,
    Address protocolVersionsAddress,
    List<UnsupportedFeature> unsupportedFeatures) {

  /** Fjord fixes the sequencer drift bound at 1800 s regardless of configuration. */
  public static final long FJORD_MAX_SEQUENCER_DRIFT_SECONDS = 1800;

  /** Granite cuts the channel timeout to 50 L1 blocks. */
  public static final long GRANITE_CHANNEL_TIMEOUT_BLOCKS = 50;

  public RollupConfig {
    Objects.requireNonNull(genesis, "genesis");
    Objects.requireNonNull(batchInboxAddress, "batchInboxAddress");
    Objects.requireNonNull(depositContractAddress, "depositContractAddress");
    Objects.requireNonNull(l1SystemConfigAddress, "l1SystemConfigAddress");
    Objects.requireNonNull(forks, "forks");
    Objects.requireNonNull(eip1559, "eip1559");
    Objects.requireNonNull(protocolVersionsAddress, "protocolVersionsAddress");
    // Canonical form (declaration order, no repeats), so equal feature sets make equal configs.
    unsupportedFeatures = List.copyOf(new TreeSet<>(unsupportedFeatures));
    if (blockTimeSeconds <= 0) {
      throw new IllegalArgumentException("block time must be positive");
    }
    if (seqWindowSize < 2) {
      throw new IllegalArgumentException("sequencing window must be at least 2 L1 blocks");
    }
    if (channelTimeoutBedrock <= 0) {
      throw new IllegalArgumentException("channel timeout must be positive");
    }
    if (pectraBlobScheduleTime < -1) {
      throw new IllegalArgumentException("pectraBlobScheduleTime must be -1 (unset) or a timestamp");
    }
  }

  /**
   * The shape every branch created before the protocol-versions address and the unsupported
   * features existed: no ProtocolVersions contract, nothing unsupported.
   */
  public RollupConfig(
      long l1ChainId,
      long l2ChainId,
      ChainGenesis genesis,
      long blockTimeSeconds,
      long maxSequencerDriftSeconds,
      long seqWindowSize,
      long channelTimeoutBedrock,
      Address batchInboxAddress,
      Address depositContractAddress,
      Address l1SystemConfigAddress,
      ForkSchedule forks,
      long pectraBlobScheduleTime,
      Eip1559Params eip1559,
      boolean keepKarstUpgradeGas) {
    this(l1ChainId, l2ChainId, genesis, blockTimeSeconds, maxSequencerDriftSeconds, seqWindowSize, channelTimeoutBedrock,
        batchInboxAddress, depositContractAddress, l1SystemConfigAddress, forks, pectraBlobScheduleTime, eip1559,
        keepKarstUpgradeGas, Address.ZERO, List.of());
  }

  /** True when the chain uses nothing Basalt lacks. */
  public boolean isSupported() {
    return unsupportedFeatures.isEmpty();
  }

  public boolean isActive(Fork fork, long timestamp) {
    return forks.isActive(fork, timestamp);
  }

  /** True for the first L2 block of {@code fork} (at L2 time {@code l2Timestamp}). */
  public boolean isActivationBlock(Fork fork, long l2Timestamp) {
    return forks.isActivationBlock(fork, l2Timestamp, blockTimeSeconds);
  }

  /** Channel timeout (L1 blocks) for a frame included in an L1 block at {@code l1Timestamp}. */
  public long channelTimeout(long l1Timestamp) {
    return isActive(Fork.GRANITE, l1Timestamp) ? GRANITE_CHANNEL_TIMEOUT_BLOCKS : channelTimeoutBedrock;
  }

  /** Maximum sequencer drift for an L1 origin with timestamp {@code l1OriginTimestamp}. */
  public long maxSequencerDrift(long l1OriginTimestamp) {
    return isActive(Fork.FJORD, l1OriginTimestamp) ? FJORD_MAX_SEQUENCER_DRIFT_SECONDS : maxSequencerDriftSeconds;
  }

  /** The L2 block number a timestamp falls on (timestamps between blocks round down). */
  public long l2BlockNumberAt(long l2Timestamp) {
    return genesis.l2().number() + (l2Timestamp - genesis.l2Time()) / blockTimeSeconds;
  }

  /** The timestamp of L2 block {@code l2BlockNumber} (op-node's {@code TimestampForBlock}). */
  public long l2TimestampAt(long l2BlockNumber) {
    return genesis.l2Time() + (l2BlockNumber - genesis.l2().number()) * blockTimeSeconds;
  }

  /**
   * True when the Pectra blob-schedule fix holds the Cancun blob fraction for an epoch whose L1
   * origin has timestamp {@code l1OriginTimestamp}. Sepolia and Holesky chains whose sequencer ran
   * op-node without Prague support kept the Cancun fraction after L1 Prague; {@code
   * pectra_blob_schedule_time} records when they switched, so re-derivation reproduces their
   * history. It compares against the L1 origin's time (not the L2 block's), so every block of an
   * epoch sees the same L1 info ({@code specs/protocol/pectra-blob-schedule/derivation.md}; op-node
   * {@code l1_block_info.go}: Cancun fee while the origin's time is before the fix time).
   */
  public boolean forcesCancunBlobFraction(long l1OriginTimestamp) {
    return pectraBlobScheduleTime >= 0 && l1OriginTimestamp < pectraBlobScheduleTime;
  }

  /**
   * The blob base fee update fraction the L1-info deposit uses for L1 origin time {@code
   * l1OriginTimestamp}: the L1 chain's schedule, unless the Pectra blob-schedule fix holds Cancun's.
   *
   * @throws IllegalStateException when the L1 has no blob schedule yet at that time
   */
  public long l1InfoBlobBaseFeeUpdateFraction(L1ChainConfig l1, long l1OriginTimestamp) {
    if (forcesCancunBlobFraction(l1OriginTimestamp)) {
      return BlobParams.CANCUN.updateFraction();
    }
    return l1.blobBaseFeeUpdateFraction(l1OriginTimestamp);
  }
}
