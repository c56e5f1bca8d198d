package dev.basalt.core.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.basalt.core.codec.BinaryReader;
import dev.basalt.core.codec.BinaryWriter;
import dev.basalt.core.config.ChainGenesis;
import dev.basalt.core.config.RollupConfig;
import dev.basalt.core.engine.ForkchoiceState;
import dev.basalt.core.l1.L1Block;
import dev.basalt.core.types.BlockId;
import dev.basalt.core.types.Hash32;
import dev.basalt.core.types.L1BlockRef;
import dev.basalt.core.world.ScriptedWorld;
import dev.basalt.core.world.TestChain;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** op-node's FindL2Heads rules, answered from a toy engine and an in-memory L1. */
class FindL2HeadsTest {
  private final ScriptedWorld w = new ScriptedWorld(TestChain.holocene());

  /** Runs the walk to its end; snapshots and restores it at every step on the way. */
  private SyncNeed run(FindL2Heads start, L1BlockRef l1Head) {
    return run(start, w.chain.rollup, l1Head);
  }

  private SyncNeed run(FindL2Heads start, RollupConfig config, L1BlockRef l1Head) {
    FindL2Heads walk = start;
    SyncNeed need = walk.start();
    for (int steps = 0; steps < 10_000; steps++) {
      BinaryWriter snapshot = new BinaryWriter();
      walk.writeTo(snapshot);
      walk = FindL2Heads.readFrom(new BinaryReader(snapshot.toByteArray()), config);
      switch (need) {
        case SyncNeed.L2Block b -> need = walk.onL2Block(w.engine.block(b.selector()), l1Head);
        case SyncNeed.L1Block b -> {
          L1Block block = w.l1.block(b.number());
          need = block == null ? walk.onL1Missing(l1Head) : walk.onL1Block(block.ref(), l1Head);
        }
        default -> {
          return need;
        }
      }
    }
    throw new AssertionError("the walk did not end");
  }

  private void engineAt(int unsafe, int safe, int finalized) {
    w.engine.seed(w.truth.blocks(1, unsafe));
    w.engine.forkchoiceUpdated(new ForkchoiceState(w.truth.info(unsafe).ref().hash(), w.truth.info(safe).ref().hash(),
        w.truth.info(finalized).ref().hash()), Optional.empty());
  }

  @Test
  void safeStartsASequencingWindowBelowTheHighestCanonicalOrigin() {
    w.l1.mineTo(34);
    w.truth.sequenceTo(200);
    engineAt(200, 150, 0);
    SyncNeed.Found found = (SyncNeed.Found) run(new FindL2Heads(w.chain.rollup), w.l1.head().ref());
    assertEquals(w.truth.info(200).ref(), found.heads().unsafe().ref());
    // Highest canonical origin 33; the first epoch start at or below the safe label with origin
    // 12 (12 + 20 < 33) is block 72; its parent becomes safe.
    assertEquals(w.truth.info(71).ref(), found.heads().safe().ref());
    assertEquals(w.chain.l2Genesis.payload().blockHash(), found.heads().finalized().ref().hash());
  }

  @Test
  void theWalkStopsAtTheFinalizedBlock() {
    w.l1.mineTo(34);
    w.truth.sequenceTo(200);
    engineAt(200, 150, 120);
    SyncNeed.Found found = (SyncNeed.Found) run(new FindL2Heads(w.chain.rollup), w.l1.head().ref());
    assertEquals(w.truth.info(120).ref(), found.heads().safe().ref());
    assertEquals(w.truth.info(120).ref(), found.heads().finalized().ref());
  }

  @Test
  void blocksWhoseOriginIsNotCanonicalAreNotUnsafe() {
    w.l1.mineTo(10);
    w.truth.sequenceTo(60);
    engineAt(60, 0, 0);
    w.l1.reorgFrom(8);
    w.l1.mineTo(10);
    SyncNeed.Found found = (SyncNeed.Found) run(new FindL2Heads(w.chain.rollup), w.l1.head().ref());
    assertEquals(w.truth.info(47).ref(), found.heads().unsafe().ref(), "the last block with origin 7");
  }

  @Test
  void originsNotYetOnL1ArePlausible() {
    w.l1.mineTo(10);
    w.truth.sequenceTo(60);
    engineAt(60, 0, 0);
    SyncNeed.Found found = (SyncNeed.Found) run(new FindL2Heads(w.chain.rollup), w.l1.block(7).ref());
    assertEquals(w.truth.info(60).ref(), found.heads().unsafe().ref(), "origins 8-10 are ahead of the L1 head");
  }

  @Test
  void anEngineOnAnotherChainIsCritical() {
    RollupConfig r = w.chain.rollup;
    ChainGenesis g = r.genesis();
    RollupConfig other = new RollupConfig(r.l1ChainId(), r.l2ChainId(),
        new ChainGenesis(g.l1(), new BlockId(Hash32.fromHex("0x" + "ab".repeat(32)), 0), g.l2Time(), g.systemConfig()),
        r.blockTimeSeconds(), r.maxSequencerDriftSeconds(), r.seqWindowSize(), r.channelTimeoutBedrock(),
        r.batchInboxAddress(), r.depositContractAddress(), r.l1SystemConfigAddress(), r.forks(), -1, r.eip1559(), false);
    SyncNeed need = run(new FindL2Heads(other), other, w.l1.head().ref());
    assertTrue(need instanceof SyncNeed.Failed f && f.critical() && f.reason().contains("wrong chain"), need.toString());
  }

  @Test
  void withoutAnL1HeadTheWalkWaits() {
    FindL2Heads walk = new FindL2Heads(w.chain.rollup);
    SyncNeed need = walk.start();
    while (need instanceof SyncNeed.L2Block b) {
      need = walk.onL2Block(w.engine.block(b.selector()), L1BlockRef.ZERO);
    }
    assertEquals(new SyncNeed.L1Head(), need);
    assertEquals(new SyncNeed.L1Block(0), walk.resume(w.l1.head().ref()));
  }
}
