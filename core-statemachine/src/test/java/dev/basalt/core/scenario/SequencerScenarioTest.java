package dev.basalt.core.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.basalt.core.CoreConfig;
import dev.basalt.core.SequencerConfig;
import dev.basalt.core.command.Command;
import dev.basalt.core.command.PublishPayload;
import dev.basalt.core.command.RespondRpc;
import dev.basalt.core.derive.L2BlockInfo;
import dev.basalt.core.derive.batch.BatchData;
import dev.basalt.core.derive.batch.SingularBatch;
import dev.basalt.core.derive.payload.L2BlockInfoDecoding;
import dev.basalt.core.derive.payload.PayloadBlockInfo;
import dev.basalt.core.derive.pipeline.Fixtures;
import dev.basalt.core.derive.pipeline.L1Txs;
import dev.basalt.core.derive.pipeline.TestChannels;
import dev.basalt.core.engine.ExecutionPayloadEnvelope;
import dev.basalt.core.event.AdminRequestReceived;
import dev.basalt.core.p2p.BlockSigning;
import dev.basalt.core.rpc.AdminRequest;
import dev.basalt.core.rpc.RpcOutcome;
import dev.basalt.core.types.Bytes;
import dev.basalt.core.types.Hash32;
import dev.basalt.core.types.L2BlockRef;
import dev.basalt.core.world.Harness;
import dev.basalt.core.world.ScriptedWorld;
import dev.basalt.core.world.TestChain;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Sequencer mode against the toy engine on the event clock: slots, origins, admin, safe lag, restarts. */
class SequencerScenarioTest {
  private static final long G = TestChain.GENESIS_TIME;
  private final ScriptedWorld w = new ScriptedWorld(TestChain.holocene());

  private Harness sequencer(SequencerConfig cfg) {
    return new Harness(w, CoreConfig.sequencer(w.chain.rollup, w.chain.l1Config, cfg));
  }

  private Harness started(SequencerConfig cfg) {
    w.l1.mineTo(10);
    Harness h = sequencer(cfg);
    h.start();
    h.observeL1();
    return h;
  }

  private List<PublishPayload> published(Harness h) {
    return h.since(0, PublishPayload.class);
  }

  private L2BlockInfo info(ExecutionPayloadEnvelope e) {
    return ((L2BlockInfoDecoding.Decoded) PayloadBlockInfo.decode(w.chain.rollup, e.payload())).info();
  }

  private RpcOutcome admin(Harness h, long id, AdminRequest request) {
    List<Command> out = h.deliver(new AdminRequestReceived(id, request));
    h.settle();
    return answer(h, id);
  }

  private static RpcOutcome answer(Harness h, long id) {
    List<RespondRpc> answers = h.since(0, RespondRpc.class).stream().filter(r -> r.requestId() == id).toList();
    return answers.isEmpty() ? null : answers.get(answers.size() - 1).outcome();
  }

  private static RpcOutcome hashResult(Hash32 hash) {
    return new RpcOutcome.Success("\"" + hash.toHex() + "\"");
  }

  @Test
  void buildsOneBlockPerSlotSealedBeforeTheSlotEndsOnConfirmedOrigins() {
    Harness h = started(SequencerConfig.DEFAULTS);
    h.advance(62_000);
    List<PublishPayload> blocks = published(h);
    assertEquals(31, blocks.size(), "one block per 2 s slot from the first slot after the reset");
    assertEquals(31, h.status().unsafeL2().number());
    assertEquals(w.engine.head().payload().blockHash(), h.status().unsafeL2().hash());
    List<Long> times = new ArrayList<>();
    for (int i = 0; i < h.commands.size(); i++) {
      if (h.commands.get(i) instanceof PublishPayload) {
        times.add(h.commandTimes.get(i));
      }
    }
    long previousOrigin = 0;
    for (int i = 0; i < blocks.size(); i++) {
      L2BlockInfo b = info(blocks.get(i).envelope());
      assertEquals(i + 1, b.ref().number(), "consecutive heights, never two blocks for one");
      assertEquals(G + 2L * (i + 1), b.ref().timestamp());
      // The first block waits a block time after the sync start (op-node's post-reset pause) and is
      // sealed late, at once; from then on every block is sealed 50 ms before its slot ends.
      long sealBy = b.ref().timestamp() * 1000 - (i == 0 ? 0 : SequencerConfig.DEFAULT_SEALING_DURATION_MILLIS);
      assertTrue(times.get(i) <= sealBy, "block " + (i + 1) + " sealed at " + times.get(i));
      if (i > 0) {
        assertEquals(sealBy, times.get(i), "not earlier either: the engine had the whole slot to fill it");
      }
      long origin = b.ref().l1Origin().number();
      assertTrue(origin == previousOrigin || origin == previousOrigin + 1, "origins advance one at a time");
      assertTrue(origin + SequencerConfig.DEFAULT_L1_CONFS <= 10, "only origins with 4 confirmations: " + origin);
      assertTrue(w.l1.block(origin).ref().timestamp() <= b.ref().timestamp(), "never an origin from the future");
      assertEquals(Math.min(b.ref().timestamp() - G, 72) / 12, origin, "the newest usable origin is adopted");
      previousOrigin = origin;
      assertEquals(BlockSigning.signingHash(w.chain.rollup, blocks.get(i).envelope()), blocks.get(i).signingHash());
    }
    h.assertShadowAgrees();
  }

  @Test
  void aLateSequencerCatchesUpAtOnceThenKeepsTheSlots() {
    w.l1.mineTo(10);
    Harness h = sequencer(SequencerConfig.DEFAULTS);
    h.now = G * 1000 + 40_000;
    h.start();
    h.observeL1();
    h.advance(2_000);
    L2BlockRef head = h.status().unsafeL2();
    assertEquals(G + 42, head.timestamp(), "the blocks of the missed slots were built back to back");
    h.advance(10_000);
    assertEquals(G + 52, h.status().unsafeL2().timestamp());
    List<PublishPayload> blocks = published(h);
    for (int i = 0; i < blocks.size(); i++) {
      assertEquals(i + 1, blocks.get(i).envelope().payload().blockNumber());
    }
  }

  @Test
  void aSlowEngineDelaysButNeverDoublesASlot() {
    Harness h = started(SequencerConfig.DEFAULTS);
    h.advance(10_000);
    long before = h.status().unsafeL2().number();
    h.holdEngine = true;
    h.advance(9_000);
    assertEquals(before, h.status().unsafeL2().number(), "nothing lands while the engine does not answer");
    h.holdEngine = false;
    h.releaseHeld();
    h.advance(1_000);
    assertEquals(G + 20, h.status().unsafeL2().timestamp(), "caught up with the clock");
    List<PublishPayload> blocks = published(h);
    for (int i = 0; i < blocks.size(); i++) {
      assertEquals(i + 1, blocks.get(i).envelope().payload().blockNumber(), "no height sealed twice");
    }
  }

  @Test
  void stopStartStopAnswersTheHeadAndRefusesWhatOpNodeRefuses() {
    Harness h = started(SequencerConfig.DEFAULTS);
    h.advance(9_000);
    assertEquals(new RpcOutcome.Success("true"), admin(h, 1, new AdminRequest.SequencerActive()));
    L2BlockRef head = h.status().unsafeL2();
    assertEquals(hashResult(head.hash()), admin(h, 2, new AdminRequest.StopSequencer()));
    assertEquals(new RpcOutcome.Success("false"), admin(h, 3, new AdminRequest.SequencerActive()));
    h.advance(20_000);
    assertEquals(head, h.status().unsafeL2(), "a stopped sequencer builds nothing");
    assertEquals(new RpcOutcome.Failure(-32000, "sequencer not running"), admin(h, 4, new AdminRequest.StopSequencer()));
    RpcOutcome wrong = admin(h, 5, new AdminRequest.StartSequencer(Hash32.ZERO));
    assertTrue(wrong instanceof RpcOutcome.Failure f && f.message().startsWith("block hash does not match"), wrong::toString);
    assertEquals(new RpcOutcome.Success("null"), admin(h, 6, new AdminRequest.StartSequencer(head.hash())));
    assertEquals(new RpcOutcome.Failure(-32000, "sequencer already running"),
        admin(h, 7, new AdminRequest.StartSequencer(head.hash())));
    h.advance(6_000);
    L2BlockRef later = h.status().unsafeL2();
    assertTrue(later.number() > head.number(), "sequencing resumed");
    assertEquals(hashResult(later.hash()), admin(h, 8, new AdminRequest.StopSequencer()));
  }

  @Test
  void stopWaitsUntilTheSealedBlockIsTheHead() {
    Harness h = started(SequencerConfig.DEFAULTS);
    h.advance(6_000);
    h.holdEngine = true;
    h.advance(2_000); // the next seal's getPayload is held
    h.releaseHeld(); // getPayload answered: the block is sealed, its newPayload is held
    PublishPayload sealed = published(h).get(published(h).size() - 1);
    assertFalse(sealed.envelope().payload().blockHash().equals(h.status().unsafeL2().hash()));
    h.deliver(new AdminRequestReceived(9, new AdminRequest.StopSequencer()));
    assertEquals(null, answer(h, 9), "not answered while the sealed block is not the head");
    h.holdEngine = false;
    h.releaseHeld();
    assertEquals(hashResult(sealed.envelope().payload().blockHash()), answer(h, 9));
    assertEquals(sealed.envelope().payload().blockHash(), h.status().unsafeL2().hash());
  }

  @Test
  void theSafeLagStallsSequencingUntilBatchesMakeTheChainSafeWithTheSameHashes() {
    Harness h = started(new SequencerConfig(4, 50, 5, false, false, false));
    h.advance(60_000);
    assertEquals(5, h.status().unsafeL2().number(), "stalled at unsafe - safe = 5");
    assertEquals(0, h.status().safeL2().number());
    List<ExecutionPayloadEnvelope> sequenced = new ArrayList<>(published(h).stream().map(PublishPayload::envelope).toList());
    w.l1.mine(batches("a", sequenced));
    w.l1.mine();
    h.observeL1();
    assertEquals(sequenced.get(4).payload().blockHash(), h.status().safeL2().hash(), "the sequenced blocks became safe as they are");
    h.advance(4_000);
    assertTrue(h.status().unsafeL2().number() > 5, "resumed once the safe head caught up");
    assertTrue(h.status().unsafeL2().number() - h.status().safeL2().number() <= 5);
  }

  private Bytes batches(String channel, List<ExecutionPayloadEnvelope> blocks) {
    List<BatchData> batches = new ArrayList<>();
    for (ExecutionPayloadEnvelope e : blocks) {
      L2BlockRef ref = info(e).ref();
      batches.add(new SingularBatch(ref.parentHash(), ref.l1Origin().number(), ref.l1Origin().hash(), ref.timestamp(), List.of()));
    }
    return L1Txs.calldataTx(L1Txs.BATCHER, 1, Fixtures.BATCH_INBOX, TestChannels.txData(channel, batches.toArray(BatchData[]::new)));
  }

  @Test
  void theAdminStateSurvivesARestartOnlyWhenKept() {
    Harness kept = started(new SequencerConfig(4, 50, 0, false, false, true));
    kept.advance(5_000);
    admin(kept, 1, new AdminRequest.StopSequencer());
    admin(kept, 2, new AdminRequest.SetRecoverMode(true));
    kept.restart();
    kept.observeL1();
    assertEquals(new RpcOutcome.Success("false"), admin(kept, 3, new AdminRequest.SequencerActive()));
    long head = kept.status().unsafeL2().number();
    kept.advance(10_000);
    assertEquals(head, kept.status().unsafeL2().number(), "still stopped after the restart");
    kept.assertShadowAgrees();

    ScriptedWorld w2 = new ScriptedWorld(TestChain.holocene());
    w2.l1.mineTo(10);
    Harness fresh = new Harness(w2, CoreConfig.sequencer(w2.chain.rollup, w2.chain.l1Config, SequencerConfig.DEFAULTS));
    fresh.start();
    fresh.observeL1();
    admin(fresh, 1, new AdminRequest.StopSequencer());
    fresh.restart();
    fresh.observeL1();
    assertEquals(new RpcOutcome.Success("true"), admin(fresh, 2, new AdminRequest.SequencerActive()),
        "without keepAdminState a restart applies the configuration again");
  }

  @Test
  void startStoppedWaitsForAdminStart() {
    Harness h = started(new SequencerConfig(4, 50, 0, false, true, false));
    h.advance(10_000);
    assertEquals(0, h.status().unsafeL2().number());
    assertEquals(new RpcOutcome.Success("null"), admin(h, 1, new AdminRequest.StartSequencer(h.status().unsafeL2().hash())));
    h.advance(4_000);
    assertTrue(h.status().unsafeL2().number() >= 2);
  }

  @Test
  void recoverModeBuildsOnlyForcedTransactions() {
    Harness h = started(new SequencerConfig(4, 50, 0, true, false, false));
    h.advance(10_000);
    assertFalse(published(h).isEmpty());
    List<Command> fcus = h.commands.stream().filter(c -> c instanceof dev.basalt.core.command.SendForkchoiceUpdate f
        && f.attributes().isPresent()).toList();
    assertFalse(fcus.isEmpty());
    for (Command c : fcus) {
      assertTrue(((dev.basalt.core.command.SendForkchoiceUpdate) c).attributes().get().noTxPool());
    }
  }

  @Test
  void aValidatorRefusesSequencerRequests() {
    w.l1.mineTo(3);
    Harness h = new Harness(w);
    h.start();
    h.observeL1();
    assertEquals(new RpcOutcome.Failure(-32000, "sequencer is not enabled"), admin(h, 1, new AdminRequest.StopSequencer()));
    assertEquals(new RpcOutcome.Success("false"), admin(h, 2, new AdminRequest.SequencerActive()));
    h.advance(10_000);
    assertTrue(published(h).isEmpty());
  }
}
