package dev.basalt.testdata.world;

import dev.basalt.core.config.Fork;
import dev.basalt.core.config.ForkSchedule;
import dev.basalt.testdata.world.l1.L1Forks;
import dev.basalt.testdata.world.rollup.BatcherConfig;
import dev.basalt.testdata.world.rollup.SequencerConfig;
import java.util.Objects;

/**
 * Everything that shapes a {@link SimWorld}; the seed decides the rest.
 *
 * @param forks L2 fork activation times (absolute L2 timestamps)
 * @param batchEveryL1Blocks the batcher posts before every this-many-th L1 block
 * @param depositChance chance in 100 per L1 block of a user deposit through the portal
 * @param configUpdateChance chance in 100 per L1 block of a SystemConfig update the forks allow
 * @param fillerTxsMax filler transfers per L1 block are drawn from 0 to this
 * @param nodeSequences the node under test is the sequencer: the world's sequencer stays idle, user
 *     transactions go to the node engine's pool, and the batcher posts the node engine's unsafe chain
 *     (see {@link dev.basalt.testdata.world.rollup.EngineChainFeed})
 */
public record SimWorldConfig(long seed, long l1ChainId, long l2ChainId, long genesisTime, long l1BlockSeconds, long l2BlockSeconds,
    ForkSchedule forks, L1Forks l1Forks, SequencerConfig sequencer, BatcherConfig batcher, int batchEveryL1Blocks,
    int depositChance, int configUpdateChance, int fillerTxsMax, long l2GasLimit, long seqWindowSize, long maxSequencerDriftSeconds,
    boolean nodeSequences) {
  public SimWorldConfig {
    Objects.requireNonNull(forks, "forks");
    Objects.requireNonNull(l1Forks, "l1Forks");
    Objects.requireNonNull(sequencer, "sequencer");
    Objects.requireNonNull(batcher, "batcher");
    if (l1BlockSeconds <= 0 || l2BlockSeconds <= 0 || batchEveryL1Blocks <= 0) {
      throw new IllegalArgumentException("block times and the batch interval must be positive");
    }
  }

  /** Every fork from genesis, 12 s L1 and 2 s L2 blocks, some deposits, updates and filler. */
  public static SimWorldConfig defaults(long seed) {
    return new SimWorldConfig(seed, 900, 901, 1_700_000_000L, 12, 2, allAt(1_700_000_000L), L1Forks.allAtGenesis(),
        SequencerConfig.defaults(), BatcherConfig.defaults(), 1, 30, 10, 2, 30_000_000, 3600, 600, false);
  }

  /** A schedule with every fork at {@code time}. */
  public static ForkSchedule allAt(long time) {
    ForkSchedule.Builder b = ForkSchedule.builder();
    for (Fork f : Fork.values()) {
      b.at(f, time);
    }
    return b.build();
  }

  /** Regolith at {@code genesisTime}, then each later fork {@code gapSeconds} after the previous one. */
  public static ForkSchedule successive(long genesisTime, long gapSeconds) {
    ForkSchedule.Builder b = ForkSchedule.builder();
    long t = genesisTime;
    for (Fork f : Fork.values()) {
      b.at(f, t);
      t += gapSeconds;
    }
    return b.build();
  }

  public SimWorldConfig withForks(ForkSchedule newForks) {
    return new SimWorldConfig(seed, l1ChainId, l2ChainId, genesisTime, l1BlockSeconds, l2BlockSeconds, newForks, l1Forks, sequencer,
        batcher, batchEveryL1Blocks, depositChance, configUpdateChance, fillerTxsMax, l2GasLimit, seqWindowSize, maxSequencerDriftSeconds,
        nodeSequences);
  }

  public SimWorldConfig withL1Forks(L1Forks newL1Forks) {
    return new SimWorldConfig(seed, l1ChainId, l2ChainId, genesisTime, l1BlockSeconds, l2BlockSeconds, forks, newL1Forks, sequencer,
        batcher, batchEveryL1Blocks, depositChance, configUpdateChance, fillerTxsMax, l2GasLimit, seqWindowSize, maxSequencerDriftSeconds,
        nodeSequences);
  }

  public SimWorldConfig withBatcher(BatcherConfig newBatcher) {
    return new SimWorldConfig(seed, l1ChainId, l2ChainId, genesisTime, l1BlockSeconds, l2BlockSeconds, forks, l1Forks, sequencer,
        newBatcher, batchEveryL1Blocks, depositChance, configUpdateChance, fillerTxsMax, l2GasLimit, seqWindowSize, maxSequencerDriftSeconds,
        nodeSequences);
  }

  public SimWorldConfig withTimes(long newGenesisTime, long newL1BlockSeconds, long newL2BlockSeconds) {
    return new SimWorldConfig(seed, l1ChainId, l2ChainId, newGenesisTime, newL1BlockSeconds, newL2BlockSeconds, forks, l1Forks,
        sequencer, batcher, batchEveryL1Blocks, depositChance, configUpdateChance, fillerTxsMax, l2GasLimit, seqWindowSize,
        maxSequencerDriftSeconds, nodeSequences);
  }

  public SimWorldConfig withActivity(int newBatchEveryL1Blocks, int newDepositChance, int newConfigUpdateChance, int newFillerTxsMax) {
    return new SimWorldConfig(seed, l1ChainId, l2ChainId, genesisTime, l1BlockSeconds, l2BlockSeconds, forks, l1Forks, sequencer,
        batcher, newBatchEveryL1Blocks, newDepositChance, newConfigUpdateChance, newFillerTxsMax, l2GasLimit, seqWindowSize,
        maxSequencerDriftSeconds, nodeSequences);
  }

  /**
   * The node under test sequences (see {@code nodeSequences}); its batcher alternates blobs and
   * calldata once blobs are possible, so both reach derivation.
   */
  public SimWorldConfig withNodeSequencing() {
    return new SimWorldConfig(seed, l1ChainId, l2ChainId, genesisTime, l1BlockSeconds, l2BlockSeconds, forks, l1Forks, sequencer,
        batcher.withMixedDa(), batchEveryL1Blocks, depositChance, configUpdateChance, fillerTxsMax, l2GasLimit, seqWindowSize,
        maxSequencerDriftSeconds, true);
  }
}
