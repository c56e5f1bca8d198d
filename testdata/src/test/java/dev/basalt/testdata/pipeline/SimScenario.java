package dev.basalt.testdata.pipeline;

import dev.basalt.core.config.Fork;
import dev.basalt.core.config.ForkSchedule;
import java.util.ArrayList;
import java.util.List;

/**
 * The knobs of one generated chain: its length, its forks (as L1 block offsets from genesis), the
 * sequencing window and channel timeout, the batcher's habits and the faults it commits.
 *
 * @param gaps L1 block ranges {@code [from, to)} in which the batcher posts nothing
 * @param rotateBatcherAt the L1 block whose ConfigUpdate log hands batching to a second key, or -1
 * @param faultPercent chance that a posting carries a fault (decoys, duplicates, garbage...)
 */
record SimScenario(
    long seed,
    int l1Blocks,
    long[] forkOffsets,
    long seqWindow,
    long channelTimeoutBedrock,
    List<long[]> gaps,
    long rotateBatcherAt,
    int postPercent,
    int faultPercent) {

  static final long GENESIS_TIME = 1_700_000_004L;

  /**
   * Every fork from Canyon to Karst activates along the chain, 18 L1 blocks apart, with two long
   * batcher gaps (blocks lost to the sequencing window) and one short one.
   */
  static SimScenario allForks(long seed) {
    long[] offsets = new long[Fork.values().length];
    for (Fork f : Fork.values()) {
      // Odd L2 offsets put activation blocks inside epochs, not only on their first block.
      offsets[f.ordinal()] = f == Fork.REGOLITH ? 0 : 18L * SimL1.BLOCK_TIME * f.ordinal() + 2L * (f.ordinal() % 3);
    }
    List<long[]> gaps = new ArrayList<>();
    gaps.add(new long[] {40, 104});
    gaps.add(new long[] {130, 136});
    gaps.add(new long[] {180, 245});
    return new SimScenario(seed, 262, offsets, 60, 12, gaps, 120, 55, 45);
  }

  /** A short chain with every fork active from genesis. */
  static SimScenario latestForks(long seed, int l1Blocks) {
    return new SimScenario(seed, l1Blocks, new long[Fork.values().length], 60, 12, List.of(new long[] {30, 95}), -1, 60, 40);
  }

  ForkSchedule forks() {
    ForkSchedule.Builder b = ForkSchedule.builder();
    for (Fork f : Fork.values()) {
      if (forkOffsets[f.ordinal()] >= 0) {
        b.at(f, GENESIS_TIME + forkOffsets[f.ordinal()]);
      }
    }
    return b.build();
  }

  boolean inGap(long l1Block) {
    for (long[] g : gaps) {
      if (l1Block >= g[0] && l1Block < g[1]) {
        return true;
      }
    }
    return false;
  }
}
