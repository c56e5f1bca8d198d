package dev.basalt.testdata.world.gossip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.basalt.testdata.gen.SimRng;
import dev.basalt.testdata.world.SimWorld;
import dev.basalt.testdata.world.SimWorldConfig;
import dev.basalt.testdata.world.rollup.TrueBlock;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A message sent again comes from {@link GossipPeers}' memo of recent messages: it must equal the
 * message a fresh peer builds for the same block and key, also after many other blocks, a damaged
 * message and a signer rotation in between.
 */
class GossipPeersTest {
  private static final long GENESIS = 1_700_000_000L;

  @Test
  void aRememberedMessageEqualsOneBuiltAfresh() {
    SimWorld world = SimWorld.create(SimWorldConfig.defaults(5).withForks(SimWorldConfig.successive(GENESIS, 60)));
    world.advanceTo(GENESIS + 400);
    List<TrueBlock> blocks = world.trueChain().blocks();
    assertTrue(blocks.size() > 100, "blocks: " + blocks.size());
    GossipPeers peers = new GossipPeers(world.rollupConfig(), new SimRng(77));
    for (int round = 0; round < 3; round++) {
      for (int i = 1; i < blocks.size(); i += 1 + round) {
        var block = blocks.get(i).envelope();
        GossipPeers.Message expected = fresh(world, peers.rotations()).signed(block);
        assertEquals(expected, peers.signed(block), "block " + i + " round " + round);
        assertEquals(expected, peers.signed(block), "block " + i + " again");
        assertNotEquals(expected, peers.corrupted(block, true), "a damaged message is never the remembered one");
        assertEquals(expected, peers.signed(block), "block " + i + " after a damaged one");
        GossipPeers.Message stranger = fresh(world, 0).signedByStranger(block);
        assertNotEquals(expected.signedBy(), stranger.signedBy());
        assertEquals(stranger, peers.signedByStranger(block), "stranger, block " + i);
        assertEquals(expected, peers.signed(block), "block " + i + " after the stranger's");
      }
      peers.rotateSigner();
    }
  }

  /** Peers that have built nothing yet, their signer rotated {@code rotations} times. */
  private static GossipPeers fresh(SimWorld world, int rotations) {
    GossipPeers p = new GossipPeers(world.rollupConfig(), new SimRng(77));
    for (int r = 0; r < rotations; r++) {
      p.rotateSigner();
    }
    return p;
  }
}
