package dev.basalt.core.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.basalt.core.command.Command;
import dev.basalt.core.command.FetchL2Block;
import dev.basalt.core.command.GetPayload;
import dev.basalt.core.command.HaltNode;
import dev.basalt.core.command.PublishSyncStatus;
import dev.basalt.core.command.ScheduleWakeup;
import dev.basalt.core.command.SendForkchoiceUpdate;
import dev.basalt.core.command.SendNewPayload;
import dev.basalt.core.engine.EngineResponse;
import dev.basalt.core.engine.ExecutionPayloadEnvelope;
import dev.basalt.core.engine.ExecutionStatus;
import dev.basalt.core.engine.L2BlockSelector;
import dev.basalt.core.engine.PayloadStatus;
import dev.basalt.core.event.EngineResponseReceived;
import dev.basalt.core.event.FailureKind;
import dev.basalt.core.event.NodeStarted;
import dev.basalt.core.event.RequestFailed;
import dev.basalt.core.types.Bytes;
import dev.basalt.core.world.Harness;
import dev.basalt.core.world.ScriptedWorld;
import dev.basalt.core.world.TestChain;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The engine's answers, classified: temporary with backoff, reset, deposits-only retry, halt. */
class EngineFailureScenarioTest {
  private static final EngineResponse FCU_SYNCING =
      new EngineResponse.ForkchoiceUpdated(PayloadStatus.of(ExecutionStatus.SYNCING), Optional.empty());

  private ScriptedWorld w = new ScriptedWorld(TestChain.holocene());

  private static boolean isSyncStartRead(Command c) {
    return c instanceof FetchL2Block f && f.selector().equals(new L2BlockSelector.ByLabel(L2BlockSelector.Label.FINALIZED));
  }

  /** Twelve blocks sequenced; {@code poisoned} gets an extra transaction the engine may reject. */
  private Bytes sequence(int poisoned) {
    w.l1.mineTo(2);
    Bytes poison = w.truth.userTx("poison");
    for (int n = 1; n <= 12; n++) {
      w.truth.sequence(n == poisoned ? List.of(w.truth.userTx("tx"), poison) : List.of(w.truth.userTx("tx")));
    }
    return poison;
  }

  private Harness startedWithBatches() {
    Harness h = new Harness(w);
    h.start();
    h.observeL1();
    w.l1.mine(w.truth.singularBatches("a", 1, 12));
    w.l1.mine();
    return h;
  }

  private static boolean carries(ExecutionPayloadEnvelope block, Bytes tx) {
    return block.payload().transactions().contains(tx);
  }

  @Test
  void syncingIsNeverSuccessForConsolidation() {
    sequence(0);
    Harness h = new Harness(w);
    h.start();
    h.observeL1();
    for (int n = 1; n <= 12; n++) {
      DerivationScenarioTest.post(h, n, w.truth.block(n));
    }
    w.l1.mine(w.truth.singularBatches("a", 1, 12));
    w.l1.mine();
    w.script(c -> c instanceof SendForkchoiceUpdate f && f.attributes().isEmpty()
        && f.state().safeBlockHash().equals(w.truth.info(1).ref().hash()), 1,
        c -> List.of(new EngineResponseReceived(((SendForkchoiceUpdate) c).correlationId(), FCU_SYNCING)));
    int before = h.commands.size();
    h.observeL1();
    List<Command> after = h.commands.subList(before, h.commands.size());
    int reset = indexOf(after, EngineFailureScenarioTest::isSyncStartRead);
    assertTrue(reset > 0, "a sync start follows the SYNCING answer");
    assertTrue(after.subList(0, reset).stream().noneMatch(c -> c instanceof PublishSyncStatus p
        && p.status().safeL2().number() > 0), "SYNCING promoted a safe head");
    assertEquals(w.truth.info(12).ref(), h.status().safeL2(), "derivation consolidates again after the reset");
  }

  private static int indexOf(List<Command> commands, java.util.function.Predicate<Command> p) {
    for (int i = 0; i < commands.size(); i++) {
      if (p.test(commands.get(i))) {
        return i;
      }
    }
    return -1;
  }

  @Test
  void aBuildThatCannotStartIsRetriedWithGrowingBackoff() {
    sequence(0);
    w.script(c -> c instanceof SendForkchoiceUpdate f && f.attributes().isPresent(), 2,
        c -> List.of(new RequestFailed(((SendForkchoiceUpdate) c).correlationId(), FailureKind.TRANSPORT, "reset")));
    Harness h = startedWithBatches();
    int before = h.commands.size();
    h.observeL1();
    assertEquals(0, h.status().safeL2().number());
    ScheduleWakeup first = h.since(before, ScheduleWakeup.class).get(0);
    assertEquals(500, first.atMillis() - h.now);
    h.advance(500);
    assertEquals(1_000, h.nextWakeupAt() - h.now, "the second failure waits twice as long");
    h.advance(1_000);
    assertEquals(w.truth.info(12).ref(), h.status().safeL2());
  }

  /** Twelve blocks sequenced, 1..{@code n} batched and derived. */
  private Harness derivedTo(int n) {
    sequence(0);
    w.l1.mine(w.truth.singularBatches("a", 1, n));
    Harness h = new Harness(w);
    h.start();
    h.observeL1();
    assertEquals(w.truth.info(n).ref(), h.status().safeL2());
    return h;
  }

  @Test
  void aSyncingAnswerToABuildMeansTheEngineLostTheParent() {
    Harness h = derivedTo(6);
    w.engine.persist();
    w.l1.mine(w.truth.singularBatches("b", 7, 9));
    h.observeL1();
    assertEquals(w.truth.info(9).ref(), h.status().safeL2());
    // The engine restarts and loses 7-9; the node learns it when it builds block 10 on block 9.
    w.engine.restart();
    w.l1.mine(w.truth.singularBatches("c", 10, 12));
    int before = h.commands.size();
    h.observeL1();
    h.advance(60_000);
    assertTrue(h.since(before, FetchL2Block.class).stream().anyMatch(EngineFailureScenarioTest::isSyncStartRead),
        "SYNCING on the build started a sync start");
    assertEquals(w.truth.info(12).ref(), h.status().safeL2(), "blocks 7-12 were derived again");
    assertEquals(w.truth.block(12).payload().blockHash(), w.engine.head().payload().blockHash());
  }

  private static final EngineResponse NEW_PAYLOAD_SYNCING =
      new EngineResponse.NewPayloadResult(PayloadStatus.of(ExecutionStatus.SYNCING));

  private static boolean newPayloadOf(Command c, ExecutionPayloadEnvelope block) {
    return c instanceof SendNewPayload p && p.envelope().payload().blockHash().equals(block.payload().blockHash());
  }

  private static boolean readByHash(Command c, ExecutionPayloadEnvelope block) {
    return c instanceof FetchL2Block f && f.selector().equals(new L2BlockSelector.ByHash(block.payload().blockHash()));
  }

  /** Blocks 1-9 derived; block 10 is next, built on 9. */
  private Harness derivedToNine() {
    Harness h = derivedTo(9);
    w.l1.mine(w.truth.singularBatches("b", 10, 12));
    return h;
  }

  @Test
  void aSyncingNewPayloadOfABuiltBlockWhoseParentIsGoneResets() {
    Harness h = derivedToNine();
    // The engine built block 10 and then lost its parent (a restart between build and insert): it
    // answers SYNCING to block 10 for ever, so retrying newPayload alone would never end.
    w.script(c -> newPayloadOf(c, w.truth.block(10)), 1_000,
        c -> List.of(new EngineResponseReceived(((SendNewPayload) c).correlationId(), NEW_PAYLOAD_SYNCING)));
    w.script(c -> readByHash(c, w.truth.block(9)), 1,
        c -> List.of(new EngineResponseReceived(((FetchL2Block) c).correlationId(), new EngineResponse.L2Block(Optional.empty()))));
    int before = h.commands.size();
    h.observeL1();
    h.advance(60_000);
    List<Command> after = h.commands.subList(before, h.commands.size());
    assertTrue(after.stream().anyMatch(c -> readByHash(c, w.truth.block(9))), "the engine was asked for the parent");
    assertTrue(after.stream().anyMatch(EngineFailureScenarioTest::isSyncStartRead), "a lost parent started a sync start");
  }

  @Test
  void aSyncingNewPayloadOfABuiltBlockWhoseParentIsThereIsRetried() {
    Harness h = derivedToNine();
    w.script(c -> newPayloadOf(c, w.truth.block(10)), 2,
        c -> List.of(new EngineResponseReceived(((SendNewPayload) c).correlationId(), NEW_PAYLOAD_SYNCING)));
    int before = h.commands.size();
    h.observeL1();
    h.advance(60_000);
    List<Command> after = h.commands.subList(before, h.commands.size());
    assertEquals(2, after.stream().filter(c -> readByHash(c, w.truth.block(9))).count(), "each SYNCING asked for the parent");
    assertTrue(after.stream().noneMatch(EngineFailureScenarioTest::isSyncStartRead), "a busy engine is not a reason to reset");
    assertEquals(w.truth.info(12).ref(), h.status().safeL2(), "block 10 was inserted on a retry and 11-12 followed");
  }

  @Test
  void engineTimeoutsBackOffDoublingUpToTheCap() {
    w.fail(SendForkchoiceUpdate.class, 9, FailureKind.TIMEOUT);
    Harness h = new Harness(w);
    h.start();
    h.observeL1();
    List<Long> delays = new ArrayList<>();
    for (int i = 0; i < 9; i++) {
      long at = h.nextWakeupAt();
      delays.add(at - h.now);
      h.advance(at - h.now);
    }
    assertEquals(List.of(500L, 1_000L, 2_000L, 4_000L, 8_000L, 16_000L, 30_000L, 30_000L, 30_000L), delays);
    assertEquals(w.chain.l2Genesis.payload().blockHash(), h.status().safeL2().hash(), "the sync start finally went through");
    assertEquals(-1, h.nextWakeupAt(), "no retry is left once the engine answers");
  }

  @Test
  void anInconsistentForkchoiceResets() {
    sequence(0);
    Harness h = new Harness(w);
    h.start();
    h.observeL1();
    DerivationScenarioTest.post(h, 1, w.truth.block(1));
    w.l1.mine(w.truth.singularBatches("a", 1, 1));
    w.script(c -> c instanceof SendForkchoiceUpdate f && f.attributes().isEmpty()
        && f.state().safeBlockHash().equals(w.truth.info(1).ref().hash()), 1,
        c -> List.of(new EngineResponseReceived(((SendForkchoiceUpdate) c).correlationId(),
            new EngineResponse.RpcError(-38002, "Invalid forkchoice state"))));
    int before = h.commands.size();
    h.observeL1();
    h.advance(1_000);
    assertTrue(h.since(before, FetchL2Block.class).stream().anyMatch(EngineFailureScenarioTest::isSyncStartRead));
    assertEquals(w.truth.info(1).ref(), h.status().safeL2());
  }

  @Test
  void anInvalidHoloceneBlockIsReplacedByItsDepositsAndTheChannelFlushed() {
    Bytes poison = sequence(5);
    w.engine.invalidWhen(p -> p.transactions().contains(poison));
    Harness h = startedWithBatches();
    int before = h.commands.size();
    h.observeL1();
    assertEquals(5, h.status().safeL2().number(), "block 5 became safe, deposits only");
    ExecutionPayloadEnvelope five = w.engine.canonical().get(5);
    assertNotEquals(w.truth.block(5).payload().blockHash(), five.payload().blockHash());
    assertTrue(five.payload().transactions().stream().allMatch(tx -> (tx.get(0) & 0xff) == 0x7e), "only deposits");
    List<SendForkchoiceUpdate> builds = h.since(before, SendForkchoiceUpdate.class).stream()
        .filter(f -> f.attributes().isPresent() && f.attributes().get().timestamp() == w.truth.info(5).ref().timestamp())
        .toList();
    assertEquals(2, builds.size(), "built once with the batch, once deposits-only");
    assertTrue(builds.get(0).attributes().get().transactions().contains(poison));
    assertFalse(builds.get(1).attributes().get().transactions().contains(poison));
    assertEquals(5, h.status().unsafeL2().number(), "the rest of the channel (blocks 6-12) was flushed");
  }

  @Test
  void anInvalidDepositsOnlyBlockHaltsTheNode() {
    sequence(0);
    w.engine.invalidWhen(p -> p.blockNumber() == 3);
    Harness h = startedWithBatches();
    int before = h.commands.size();
    h.observeL1();
    List<HaltNode> halts = h.since(before, HaltNode.class);
    assertEquals(1, halts.size());
    assertTrue(halts.get(0).reason().contains("only deposit"), halts.get(0).reason());
    assertEquals(2, h.status().safeL2().number());
    assertFalse(h.core.haltReason().isEmpty());
    w.l1.mine();
    assertEquals(List.of(), h.deliver(w.l1Head()), "a halted core ignores every event");
    w.engine.invalidWhen(p -> false);
    h.deliver(new NodeStarted(h.config, h.now));
    h.settle();
    assertTrue(h.core.haltReason().isEmpty(), "a restart (after the operator fixed things) runs again");
    assertEquals(w.truth.info(12).ref(), h.status().safeL2());
  }

  @Test
  void anInvalidBlockBeforeHoloceneIsDroppedAndTheUnsafeHeadRestored() {
    w = new ScriptedWorld(TestChain.granite());
    Bytes poison = sequence(5);
    w.engine.invalidWhen(p -> p.transactions().contains(poison));
    Harness h = startedWithBatches();
    int before = h.commands.size();
    h.observeL1();
    assertEquals(w.truth.info(4).ref(), h.status().safeL2(), "block 5's attributes were dropped");
    assertEquals(w.truth.info(4).ref(), h.status().pendingSafeL2());
    List<Command> calls = h.commands.subList(before, h.commands.size()).stream()
        .filter(c -> c instanceof SendNewPayload || c instanceof SendForkchoiceUpdate || c instanceof GetPayload).toList();
    int invalid = -1;
    for (int i = 0; i < calls.size(); i++) {
      if (calls.get(i) instanceof SendNewPayload n && carries(n.envelope(), poison)) {
        invalid = i;
      }
    }
    SendForkchoiceUpdate restore = (SendForkchoiceUpdate) calls.get(invalid + 1);
    assertTrue(restore.attributes().isEmpty());
    assertEquals(w.truth.info(4).ref().hash(), restore.state().headBlockHash(), "the unsafe head is restored");
  }

  @Test
  void aVanishedUnsafeBlockResets() {
    sequence(0);
    Harness h = new Harness(w);
    h.start();
    h.observeL1();
    DerivationScenarioTest.post(h, 1, w.truth.block(1));
    w.l1.mine(w.truth.singularBatches("a", 1, 1));
    w.script(c -> c instanceof FetchL2Block f && f.selector().equals(new L2BlockSelector.ByNumber(1)), 1,
        c -> List.of(new EngineResponseReceived(((FetchL2Block) c).correlationId(), new EngineResponse.L2Block(Optional.empty()))));
    int before = h.commands.size();
    h.observeL1();
    h.advance(1_000);
    assertTrue(h.since(before, FetchL2Block.class).stream().anyMatch(EngineFailureScenarioTest::isSyncStartRead));
    assertEquals(w.truth.info(1).ref(), h.status().safeL2(), "after the reset the block is consolidated");
  }
}
