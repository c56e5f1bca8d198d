package dev.basalt.core.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.basalt.core.SyncMode;
import dev.basalt.core.command.FetchBlobs;
import dev.basalt.core.command.FetchL1Block;
import dev.basalt.core.command.FetchL2Block;
import dev.basalt.core.command.PublishSyncStatus;
import dev.basalt.core.command.RespondRpc;
import dev.basalt.core.command.RewindSafeHeads;
import dev.basalt.core.command.SendForkchoiceUpdate;
import dev.basalt.core.derive.blob.BlobCodec;
import dev.basalt.core.derive.pipeline.Fixtures;
import dev.basalt.core.derive.pipeline.L1Txs;
import dev.basalt.core.derive.pipeline.TestChannels;
import dev.basalt.core.engine.ExecutionPayloadEnvelope;
import dev.basalt.core.engine.ForkchoiceState;
import dev.basalt.core.engine.L2BlockSelector;
import dev.basalt.core.event.AdminRequestReceived;
import dev.basalt.core.event.BlobsFetched;
import dev.basalt.core.event.FailureKind;
import dev.basalt.core.event.RequestFailed;
import dev.basalt.core.l1.InboxTransaction;
import dev.basalt.core.rpc.AdminRequest;
import dev.basalt.core.rpc.RpcOutcome;
import dev.basalt.core.types.Bytes;
import dev.basalt.core.types.Hash32;
import dev.basalt.core.world.Harness;
import dev.basalt.core.world.PayloadBuilder;
import dev.basalt.core.world.ScriptedWorld;
import dev.basalt.core.world.TestChain;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Execution-layer sync, posted unsafe blocks, and blobs that the beacon node does not have. */
class SyncModeScenarioTest {
  private final ScriptedWorld w = new ScriptedWorld(TestChain.holocene());

  private static RpcOutcome post(Harness h, long id, ExecutionPayloadEnvelope block) {
    RespondRpc r = (RespondRpc) h.deliver(new AdminRequestReceived(id, new AdminRequest.PostUnsafePayload(block))).stream()
        .filter(RespondRpc.class::isInstance).findFirst().orElseThrow();
    h.settle();
    return r.outcome();
  }

  @Test
  void executionLayerSyncFollowsPostedBlocksThenDerivesFromTheEnginesTip() {
    w.l1.mineTo(6);
    w.truth.sequenceTo(30);
    Harness h = new Harness(w, w.chain.config(SyncMode.EXECUTION_LAYER, 0));
    h.start();
    assertEquals(List.of(new RewindSafeHeads(0)), h.since(0, RewindSafeHeads.class), "EL sync wipes the safe-head records");
    h.observeL1();
    assertEquals(new RpcOutcome.Success("null"), post(h, 1, w.truth.block(30)));
    SendForkchoiceUpdate target = h.since(0, SendForkchoiceUpdate.class).get(0);
    assertEquals(w.truth.info(30).ref().hash(), target.state().headBlockHash());
    assertEquals(Hash32.ZERO, target.state().safeBlockHash(), "safe and finalized stay zero while the engine syncs");
    assertEquals(w.truth.info(30).ref(), h.status().unsafeL2(), "the target is reported as the unsafe head");
    assertEquals(0, h.status().safeL2().number());
    assertTrue(h.since(0, FetchL1Block.class).isEmpty(), "no derivation while the engine syncs");
    h.advance(5_000);
    assertEquals(0, h.status().safeL2().number(), "SYNCING answers to the polls never promote anything");
    w.engine.seed(w.truth.blocks(1, 30));
    h.advance(60_000);
    assertEquals(w.truth.info(30).ref(), h.status().safeL2(), "VALID ends the sync: the target is safe");
    assertEquals(w.truth.info(30).ref(), h.status().finalizedL2());
    assertTrue(h.commands.stream().anyMatch(c -> c instanceof FetchL2Block f
        && f.selector().equals(new L2BlockSelector.ByLabel(L2BlockSelector.Label.FINALIZED))), "a sync start followed");
    assertFalse(h.since(0, FetchL1Block.class).isEmpty(), "derivation started after the sync");
    assertTrue(h.commands.stream().noneMatch(c -> c instanceof PublishSyncStatus p && p.status().safeL2().number() > 0
        && p.status().safeL2().number() < 30), "no safe head but the synced one");
  }

  @Test
  void anEngineWithFinalizedBlocksSkipsExecutionLayerSync() {
    w.l1.mineTo(2);
    w.truth.sequenceTo(12);
    w.engine.seed(w.truth.blocks(1, 12));
    w.engine.forkchoiceUpdated(new ForkchoiceState(w.truth.info(12).ref().hash(), w.truth.info(6).ref().hash(),
        w.truth.info(6).ref().hash()), Optional.empty());
    Harness h = new Harness(w, w.chain.config(SyncMode.EXECUTION_LAYER, 0));
    h.start();
    h.observeL1();
    assertEquals(w.truth.info(12).ref(), h.status().unsafeL2());
    assertEquals(w.truth.info(6).ref(), h.status().finalizedL2(), "the engine's finalized head is kept");
    assertTrue(h.since(0, RewindSafeHeads.class).stream().noneMatch(r -> r.fromL1Number() == 0),
        "no EL sync, so the safe-head records are kept");
  }

  @Test
  void postedBlocksAreCheckedAndQueuedUntilTheyExtendTheUnsafeHead() {
    w.l1.mineTo(2);
    w.truth.sequenceTo(4);
    Harness h = new Harness(w);
    h.start();
    h.observeL1();
    ExecutionPayloadEnvelope tampered = PayloadBuilder.withHash(w.truth.block(1), w.truth.block(2).payload().blockHash());
    assertTrue(post(h, 1, tampered) instanceof RpcOutcome.Failure f && f.message().contains("bad block hash"));
    assertTrue(post(h, 2, w.chain.l2Genesis) instanceof RpcOutcome.Failure f && f.message().contains("safe"),
        "a block at the safe head is refused");
    assertEquals(new RpcOutcome.Success("null"), post(h, 3, w.truth.block(3)));
    assertEquals(new RpcOutcome.Success("null"), post(h, 4, w.truth.block(2)));
    assertEquals(0, h.status().unsafeL2().number(), "2 and 3 wait for 1");
    assertEquals(new RpcOutcome.Success("null"), post(h, 5, w.truth.block(1)));
    assertEquals(w.truth.info(3).ref(), h.status().unsafeL2(), "the queue drained in order");
  }

  private Harness blobBatchesInL1Block3() {
    w.l1.mineTo(2);
    w.truth.sequenceTo(12);
    Bytes data = TestChannels.txData("blob", w.truth.batch(1), w.truth.batch(2));
    Bytes tx = L1Txs.blobTx(L1Txs.BATCHER, 1, Fixtures.BATCH_INBOX, Bytes.EMPTY, List.of(L1Txs.versionedHash(1)));
    w.l1.mine(List.of(new InboxTransaction(0, tx, 0)), List.of());
    w.l1.mine();
    Bytes blob = Bytes.wrapOwned(BlobCodec.encode(data.toArray()).toArray());
    w.script(c -> c instanceof FetchBlobs, 3,
        c -> List.of(new RequestFailed(((FetchBlobs) c).correlationId(), FailureKind.NOT_FOUND, "404")));
    w.script(c -> c instanceof FetchBlobs, 100, c -> List.of(new BlobsFetched(((FetchBlobs) c).correlationId(), List.of(blob))));
    Harness h = new Harness(w);
    h.start();
    return h;
  }

  @Test
  void missingBlobsAreRetriedWithBackoff() {
    Harness h = blobBatchesInL1Block3();
    h.observeL1();
    h.advance(500 + 1_000 + 2_000);
    assertEquals(4, h.since(0, FetchBlobs.class).size(), "three 404s, then the beacon node had them");
    assertEquals(w.truth.info(2).ref(), h.status().safeL2());
  }

  @Test
  void blobsMissingTooOftenResetDerivation() {
    w.script(c -> c instanceof FetchBlobs, 1,
        c -> List.of(new RequestFailed(((FetchBlobs) c).correlationId(), FailureKind.NOT_FOUND, "404")));
    Harness h = blobBatchesInL1Block3();
    h.observeL1();
    int before = h.commands.size();
    h.advance(500 + 1_000 + 2_000 + 4_000);
    assertTrue(h.since(before, FetchL2Block.class).stream().anyMatch(f -> f.selector()
        .equals(new L2BlockSelector.ByLabel(L2BlockSelector.Label.FINALIZED))), "the fourth 404 reset derivation");
    h.advance(60_000);
    assertEquals(w.truth.info(2).ref(), h.status().safeL2(), "after the reset the blobs were there");
  }
}
