package dev.basalt.core.config;

import dev.basalt.core.types.Address;
import java.util.Objects;

/**
 * A rollup's protocol configuration (op-node's {@code rollup.Config}). Timing rules that change at
 * a fork are methods here.
 *
 * @param channelTimeoutBedrock channel timeout in L1 blocks before Granite (300 on OP chains)
 * @param pectraBlobScheduleTime L2 time of the optional Pectra blob-schedule fix, -1 when unset
 * @param keepKarstUpgradeGas keep the Karst upgrade gas in later blocks' gas limit (registry flag)
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
    boolean keepKarstUpgradeGas) {

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
    if (blockTimeSeconds <= 0) {
      throw new IllegalArgumentException("block time must be positive");
    }
    if (seqWindowSize < 2) {
      throw new IllegalArgumentException("sequencing window must be at least 2 L1 blocks");
    }
    if (channelTimeoutBedrock <= 0) {
      throw new IllegalArgumentException("channel timeout must be positive");
    }
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
}
