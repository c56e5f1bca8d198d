package dev.basalt.testdata.world;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.basalt.core.config.Fork;
import dev.basalt.core.types.Hash32;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class DevWorldTest {
  @Test
  void devnetConfigSchedulesEveryForkTwoMinutesApartAndMatchesTheWorld() {
    var config = DevWorld.coreConfig(DevWorld.L2_CHAIN_ID, 1_000_000, 2);
    assertEquals(DevWorld.L2_CHAIN_ID, config.l2ChainId());
    long t = 1_000_000 + DevWorld.FORK_GAP_SECONDS;
    for (Fork f : Fork.values()) {
      assertEquals(t, config.rollup().forks().activation(f).getAsLong(), f.name());
      t += DevWorld.FORK_GAP_SECONDS;
    }
    assertEquals(config, DevWorld.coreConfig(DevWorld.L2_CHAIN_ID, 1_000_000, 2), "a pure function of its parameters");
    assertEquals(DevWorld.BATCH_EVERY_L1_BLOCKS, DevWorld.config(DevWorld.L2_CHAIN_ID, 1_000_000, 2).batchEveryL1Blocks());
  }

  @Test
  void startCatchesUpToNowThenFollowsTheClock() throws Exception {
    long genesis = 1_700_000_000L;
    AtomicLong now = new AtomicLong(genesis + 60);
    try (DevWorld dev = new DevWorld(DevWorld.L2_CHAIN_ID, genesis, 2, now::get)) {
      dev.start(20);
      assertEquals(genesis + 60, (long) dev.read(w -> w.l1().chain().head().timestamp()), "caught up before start returned");
      now.set(genesis + 70);
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while ((long) dev.read(w -> w.l1().chain().head().timestamp()) < genesis + 70 && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      assertEquals(genesis + 70, (long) dev.read(w -> w.l1().chain().head().timestamp()), "the ticker follows the clock");
      assertEquals(35L, (long) dev.read(w -> w.trueChain().head().number()), "2-second L2 blocks");
      assertTrue(dev.lastFailure().isEmpty());
    }
  }

  @Test
  void aRestartedDevnetRebuildsTheSameChains() {
    long genesis = 1_700_000_000L;
    long later = genesis + DevWorld.FORK_GAP_SECONDS * 5;
    Hash32 l1 = null;
    Hash32 l2 = null;
    for (int run = 0; run < 2; run++) {
      try (DevWorld dev = new DevWorld(DevWorld.L2_CHAIN_ID, genesis, 2, () -> later)) {
        dev.start(60_000);
        Hash32 l1Now = dev.read(w -> w.l1().chain().head().hash());
        Hash32 l2Now = dev.read(w -> w.trueChain().head().envelope().payload().blockHash());
        if (run == 1) {
          assertEquals(l1, l1Now);
          assertEquals(l2, l2Now);
        }
        l1 = l1Now;
        l2 = l2Now;
      }
    }
  }
}
