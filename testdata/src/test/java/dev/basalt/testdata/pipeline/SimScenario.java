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
    List<Long> forkOffsets,
    long seqWindow,
    long channelTimeoutBedrock,
    List<Gap> gaps,
    long rotateBatcherAt,
    int postPercent,
    int faultPercent) {

  static final long GENESIS_TIME = 1_700_000_004L;

  /** L1 blocks {@code [from, to)} without batcher transactions. */
  record Gap(long from, long to) {}

  SimScenario {
    forkOffsets = List.copyOf(forkOffsets);
    gaps = List.copyOf(gaps);
  }

  /**
   * Every fork from Canyon to Karst activates along the chain, 18 L1 blocks apart, with two long
   * batcher gaps (blocks lost to the sequencing window) and one short one.
   */
  static SimScenario allForks(long seed) {
    List<Long> offsets = new ArrayList<>();
    for (Fork f : Fork.values()) {
      // Odd L2 offsets put activation blocks inside epochs, not only on their first block.
      offsets.add(f == Fork.REGOLITH ? 0 : 18L * SimL1.BLOCK_TIME * f.ordinal() + 2L * (f.ordinal() % 3));
    }
    List<Gap> gaps = List.of(new Gap(40, 104), new Gap(130, 136), new Gap(180, 245));
    return new SimScenario(seed, 262, offsets, 60, 12, gaps, 120, 55, 45);
  }

  /** A short chain with every fork active from genesis. */
  static SimScenario latestForks(long seed, int l1Blocks) {
    List<Long> atGenesis = new ArrayList<>();
    for (Fork f : Fork.values()) {
      atGenesis.add(0L);
    }
    return new SimScenario(seed, l1Blocks, atGenesis, 60, 12, List.of(new Gap(30, 95)), -1, 60, 40);
  }

  ForkSchedule forks() {
    ForkSchedule.Builder b = ForkSchedule.builder();
    for (Fork f : Fork.values()) {
      b.at(f, GENESIS_TIME + forkOffsets.get(f.ordinal()));
    }
    return b.build();
  }

  boolean inGap(long l1Block) {
    for (Gap g : gaps) {
      if (l1Block >= g.from() && l1Block < g.to()) {
        return true;
      }
    }
    return false;
  }
}
