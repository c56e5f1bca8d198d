package dev.basalt.core.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.basalt.core.command.FetchL1Block;
import dev.basalt.core.command.FetchL2Block;
import dev.basalt.core.command.GetPayload;
import dev.basalt.core.command.RecordSafeHead;
import dev.basalt.core.command.RespondRpc;
import dev.basalt.core.command.SendForkchoiceUpdate;
import dev.basalt.core.command.SendNewPayload;
import dev.basalt.core.engine.ExecutionPayloadEnvelope;
import dev.basalt.core.engine.L2BlockSelector;
import dev.basalt.core.event.AdminRequestReceived;
import dev.basalt.core.rpc.AdminRequest;
import dev.basalt.core.rpc.RpcOutcome;
import dev.basalt.core.SyncMode;
import dev.basalt.core.types.L1BlockRef;
import dev.basalt.core.world.Harness;
import dev.basalt.core.world.ScriptedWorld;
import dev.basalt.core.world.TestChain;
import dev.basalt.core.world.TrueChain;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Derivation end to end: batches on L1 become safe blocks, built or consolidated with the unsafe chain. */
class DerivationScenarioTest {
  private ScriptedWorld w = new ScriptedWorld(TestChain.holocene());

  /** Twelve true blocks (origins L1 0..2) whose batches L1 block 3 carries. */
  private void twelveBlocksBatchedInL1Block3(boolean span) {
    twelveBlocks();
    batchInNextL1Block(span);
  }

  private void twelveBlocks() {
    w.l1.mineTo(2);
    w.truth.sequenceTo(12);
  }

  private void batchInNextL1Block(boolean span) {
    if (span) {
      w.l1.mine(w.truth.spanBatch("a", 1, 6), w.truth.spanBatch("b", 7, 12));
    } else {
      w.l1.mine(w.truth.singularBatches("a", 1, 12));
    }
    w.l1.mine();
  }

  static void post(Harness h, long requestId, ExecutionPayloadEnvelope block) {
    List<RespondRpc> answers = h.deliver(new AdminRequestReceived(requestId, new AdminRequest.PostUnsafePayload(block)))
        .stream().filter(RespondRpc.class::isInstance).map(RespondRpc.class::cast).toList();
    assertEquals(List.of(new RespondRpc(requestId, new RpcOutcome.Success("null"))), answers);
    h.settle();
  }

  @Test
  void buildsTheTrueChainFromBatchesAndRecordsSafeHeads() {
    twelveBlocksBatchedInL1Block3(false);
    Harness h = new Harness(w);
    h.start();
    int before = h.commands.size();
    h.observeL1();
    assertEquals(w.truth.info(12).ref(), h.status().safeL2());
    assertEquals(w.truth.info(12).ref(), h.status().unsafeL2());
    assertEquals(w.truth.block(12).payload().blockHash(), w.engine.head().payload().blockHash());
    assertEquals(w.l1.block(4).ref(), h.status().currentL1(), "current_l1 is the derivation origin");
    assertEquals(12, h.since(before, SendNewPayload.class).size(), "every block was built");
    List<RecordSafeHead> records = h.since(before, RecordSafeHead.class);
    assertEquals(12, records.size(), "a singular batch ends its own span: every block becomes safe");
    assertEquals(new RecordSafeHead(w.l1.block(3).ref().id(), w.truth.info(12).ref()), records.get(11));
    h.assertShadowAgrees();
  }

  /** Before Holocene: from it, op-node's batch stage makes every block of a span safe at once. */
  @Test
  void consolidatesPostedBlocksWithOneForkchoiceUpdatePerSpan() {
    w = new ScriptedWorld(TestChain.granite());
    twelveBlocks();
    Harness h = new Harness(w);
    h.start();
    h.observeL1();
    for (int n = 1; n <= 12; n++) {
      post(h, 100 + n, w.truth.block(n));
    }
    assertEquals(w.truth.info(12).ref(), h.status().unsafeL2(), "posted blocks extend the unsafe chain");
    assertEquals(0, h.status().safeL2().number());
    batchInNextL1Block(true);
    int before = h.commands.size();
    h.observeL1();
    assertEquals(w.truth.info(12).ref(), h.status().safeL2());
    assertEquals(0, h.since(before, SendNewPayload.class).size(), "nothing is built when the unsafe chain matches");
    assertEquals(0, h.since(before, GetPayload.class).size());
    List<SendForkchoiceUpdate> updates = h.since(before, SendForkchoiceUpdate.class);
    assertEquals(2, updates.size(), "one forkchoice update at the end of each span batch");
    assertEquals(w.truth.info(6).ref().hash(), updates.get(0).state().safeBlockHash());
    assertEquals(w.truth.info(12).ref().hash(), updates.get(1).state().safeBlockHash());
    assertEquals(12, h.since(before, FetchL2Block.class).stream()
        .filter(f -> f.selector() instanceof L2BlockSelector.ByNumber).count(), "each unsafe block is read to compare");
    assertEquals(List.of(w.truth.info(6).ref(), w.truth.info(12).ref()),
        h.since(before, RecordSafeHead.class).stream().map(RecordSafeHead::safeHead).toList());
  }

  @Test
  void aMismatchingUnsafeBlockIsReplacedByBuildingTheDerivedOne() {
    twelveBlocks();
    TrueChain other = new TrueChain(w.chain, w.l1);
    other.sequence(List.of(other.userTx("other")));
    Harness h = new Harness(w);
    h.start();
    h.observeL1();
    post(h, 1, other.block(1));
    batchInNextL1Block(false);
    assertEquals(other.info(1).ref(), h.status().unsafeL2());
    w.engineCalls.clear();
    h.observeL1();
    List<Object> firstBlock = List.copyOf(w.engineCalls.subList(0, 5));
    FetchL2Block read = (FetchL2Block) firstBlock.get(0);
    assertEquals(new L2BlockSelector.ByNumber(1), read.selector());
    SendForkchoiceUpdate start = (SendForkchoiceUpdate) firstBlock.get(1);
    assertTrue(start.attributes().isPresent(), "the build starts with the derived attributes");
    assertEquals(w.chain.l2Genesis.payload().blockHash(), start.state().headBlockHash(), "built on the parent");
    assertTrue(firstBlock.get(2) instanceof GetPayload);
    assertTrue(firstBlock.get(3) instanceof SendNewPayload);
    SendForkchoiceUpdate seal = (SendForkchoiceUpdate) firstBlock.get(4);
    assertEquals(w.truth.info(1).ref().hash(), seal.state().headBlockHash());
    assertEquals(w.truth.info(1).ref().hash(), seal.state().safeBlockHash());
    assertEquals(w.truth.info(12).ref(), h.status().safeL2());
    assertEquals(w.truth.info(12).ref(), h.status().unsafeL2(), "the unsafe chain was reorged to the derived one");
  }

  @Test
  void l1BlocksAreFetchedOnlyOnceTheyAreConfirmationsDeep() {
    twelveBlocksBatchedInL1Block3(false);
    Harness h = new Harness(w, w.chain.config(SyncMode.CONSENSUS_LAYER, 3));
    h.start();
    h.observeL1();
    long highest = h.since(0, FetchL1Block.class).stream().mapToLong(FetchL1Block::number).max().orElse(-1);
    assertEquals(1, highest, "head 4 with 3 confirmations: blocks up to 1");
    assertEquals(0, h.status().safeL2().number());
    w.l1.mineTo(6);
    h.observeL1();
    assertEquals(w.truth.info(12).ref(), h.status().safeL2());
    assertEquals(3, h.since(0, FetchL1Block.class).stream().mapToLong(FetchL1Block::number).max().orElse(-1));
    L1BlockRef origin = h.status().currentL1();
    assertEquals(3, origin.number());
  }
}
