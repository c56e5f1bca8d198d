package dev.basalt.testdata.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.basalt.core.NodeMode;
import dev.basalt.core.types.Hash32;
import dev.basalt.testdata.world.SimWorld;
import dev.basalt.testdata.world.SimWorldConfig;
import org.junit.jupiter.api.Test;

class SimNodeTest {
  private static final long GENESIS = SimWorldConfig.defaults(0).genesisTime();

  private static SimNode run(long seed) {
    SimWorld world = SimWorld.create(SimWorldConfig.defaults(seed).withForks(SimWorldConfig.successive(GENESIS + 120, 120)));
    SimNode node = SimNode.start(world, world.coreConfig(NodeMode.VALIDATOR));
    // Time moves in small steps so the node derives while the world is still producing.
    for (long t = GENESIS + 12; t <= GENESIS + 40 * 60; t += 12) {
      node.advanceTo(t);
      node.runUntil(() -> false, 100_000);
    }
    return node;
  }

  @Test
  void theNodeDerivesTheWorldsTrueChainAcrossEveryForkOnAVirtualClock() {
    SimNode node = run(5);
    SimWorld world = worldOf(5);
    long l1Head = world.l1().chain().head().number();
    var expected = world.trueChain().safeHeadAt(l1Head, world.l1().chain());
    assertTrue(expected.number() > 600, "the world batched a real chain: " + expected.number());
    assertEquals(expected.ref().hash(), node.status().safeL2().hash(), "safe head is the world's true block at the L1 head");
    assertTrue(node.status().finalizedL2().number() > 0, "finalized head moved: " + node.status());
  }

  @Test
  void oneSeedIsOneRun() {
    Hash32 first = run(9).core().stateHash();
    assertEquals(first, run(9).core().stateHash(), "same seed, same final state");
  }

  private static SimWorld worldOf(long seed) {
    SimWorld world = SimWorld.create(SimWorldConfig.defaults(seed).withForks(SimWorldConfig.successive(GENESIS + 120, 120)));
    world.advanceTo(GENESIS + 40 * 60);
    return world;
  }
}
