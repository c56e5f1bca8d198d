package dev.basalt.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.basalt.core.types.L2BlockRef;
import dev.basalt.testdata.world.l1.MinedL1Block;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * L1 reorgs under the validator over HTTP. The node derives {@value #CONFS} L1 blocks behind the
 * head ({@code --verifier.l1-confs}), so a reorg of depth up to {@value #CONFS} replaces only L1
 * blocks derivation has not read yet (above the safe head's L1 block), and a deeper one replaces
 * L1 blocks the safe head was derived from (below it).
 */
@Tag("slow")
class L1ReorgRecoveryIT {
  private static final int CONFS = 4;

  @TempDir Path dir;

  @ParameterizedTest(name = "depth {0}")
  @ValueSource(ints = {1, 2, 5, 12, 20})
  // Checks that after an L1 reorg of this depth (the new branch one block longer, the batcher's
  // transactions re-included) and two more minutes of chain, the node's safe head is the world's true block
  // at the L1 safe head, the engine's canonical chain is the true chain, and the journal replays identically;
  // deep reorgs must really have replaced the L1 block the old safe head was derived at, and from depth 12
  // the old safe head itself must have left the true chain
  void theValidatorConvergesAfterAnL1Reorg(int depth) throws Exception {
    try (WorldOverHttp w = WorldOverHttp.start(WorldOverHttp.allForks(11), dir, CONFS)) {
      synchronized (w.world) {
        w.world.l1().chain().holdFinality(); // finalized stays at genesis, so any depth may reorg
      }
      w.startNode();
      w.advance(120);
      L2BlockRef before = w.awaitConverged(60);
      long derivedUpTo;
      List<MinedL1Block> replaced;
      synchronized (w.world) {
        derivedUpTo = w.world.l1().chain().safe().number();
        replaced = w.world.reorgL1(depth, depth + 1);
      }
      long lowestReplaced = replaced.get(0).number();
      assertEquals(depth > CONFS, lowestReplaced <= derivedUpTo,
          "reorg from L1 " + lowestReplaced + " vs the node's derivation at L1 " + derivedUpTo);
      w.advance(120);
      L2BlockRef after = w.awaitConverged(90);
      assertTrue(after.number() > before.number(), "derivation went on: " + before + " -> " + after);
      if (depth >= 12) {
        synchronized (w.world) {
          assertNotEquals(before.hash(), w.world.trueChain().block(before.number()).orElseThrow().ref().hash(),
              "the reorg replaced the old safe head on the true chain");
        }
      }
      w.stopAndReplay();
    }
  }
}
