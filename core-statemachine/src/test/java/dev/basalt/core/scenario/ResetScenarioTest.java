package dev.basalt.core.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.basalt.core.command.Command;
import dev.basalt.core.command.FetchL1Block;
import dev.basalt.core.command.FetchL2Block;
import dev.basalt.core.command.GetPayload;
import dev.basalt.core.command.RecordSafeHead;
import dev.basalt.core.command.RespondRpc;
import dev.basalt.core.command.RewindSafeHeads;
import dev.basalt.core.command.SendForkchoiceUpdate;
import dev.basalt.core.command.SendNewPayload;
import dev.basalt.core.engine.L2BlockSelector;
import dev.basalt.core.event.AdminRequestReceived;
import dev.basalt.core.event.InputEvent;
import dev.basalt.core.rpc.AdminRequest;
import dev.basalt.core.rpc.RpcOutcome;
import dev.basalt.core.world.Harness;
import dev.basalt.core.world.ScriptedWorld;
import dev.basalt.core.world.TestChain;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Sync starts: at start, after an L1 reorg, on request, after a restart; and finality from L1. */
class ResetScenarioTest {
  private final ScriptedWorld w = new ScriptedWorld(TestChain.holocene());

  private Harness derivedTwelve() {
    w.l1.mineTo(2);
    w.truth.sequenceTo(12);
    w.l1.mine(w.truth.singularBatches("a", 1, 12));
    w.l1.mine();
    Harness h = new Harness(w);
    h.start();
    h.observeL1();
    assertEquals(w.truth.info(12).ref(), h.status().safeL2());
    return h;
  }

  private static boolean syncStartRead(Command c) {
    return c instanceof FetchL2Block f && f.selector().equals(new L2BlockSelector.ByLabel(L2BlockSelector.Label.FINALIZED));
  }

  @Test
  void startWaitsForTheL1HeadThenStartsFromGenesis() {
    Harness h = new Harness(w);
    h.start();
    assertEquals(3, h.commands.stream().filter(c -> c instanceof FetchL2Block).count(), "finalized, safe, latest");
    assertTrue(h.since(0, FetchL1Block.class).isEmpty(), "no L1 head yet: the walk waits");
    h.observeL1();
    assertEquals(w.chain.l2Genesis.payload().blockHash(), h.status().safeL2().hash());
    assertEquals(List.of(new RewindSafeHeads(0)), h.since(0, RewindSafeHeads.class));
  }

  @Test
  void anL1ReorgUnderTheBatchResetsAndDerivesAgainFromTheNewChain() {
    Harness h = derivedTwelve();
    w.l1.reorgFrom(3);
    w.l1.mine();
    w.l1.mine(w.truth.singularBatches("b", 1, 12));
    w.l1.mine();
    int before = h.commands.size();
    h.observeL1();
    h.advance(1_000);
    assertTrue(h.since(before, FetchL2Block.class).stream().anyMatch(ResetScenarioTest::syncStartRead), "a sync start ran");
    assertFalse(h.since(before, RewindSafeHeads.class).isEmpty());
    assertEquals(w.truth.info(12).ref(), h.status().safeL2());
    assertTrue(h.since(before, SendNewPayload.class).isEmpty(), "the unsafe chain still matched: nothing rebuilt");
    List<RecordSafeHead> records = h.since(before, RecordSafeHead.class);
    assertEquals(w.l1.block(4).ref().id(), records.get(records.size() - 1).l1(), "derived from the new L1 block 4");
  }

  @Test
  void anL1ReorgOfAnOriginReorgsTheL2Chain() {
    Harness h = derivedTwelve();
    w.l1.reorgFrom(2);
    w.l1.mine();
    w.truth.truncate(11);
    w.truth.sequenceTo(12);
    w.l1.mine(w.truth.singularBatches("b", 1, 12));
    // A reorg is noticed when L1 grows past the old head (op-node's traversal checks the next block's parent).
    w.l1.mineTo(5);
    int before = h.commands.size();
    h.observeL1();
    h.advance(1_000);
    assertEquals(w.truth.info(12).ref(), h.status().safeL2());
    assertEquals(w.l1.block(2).ref().id(), h.status().safeL2().l1Origin(), "block 12 now has the new origin");
    assertEquals(1, h.since(before, SendNewPayload.class).size(), "only block 12 was built again");
  }

  @Test
  void adminResetAnswersAndRunsASyncStart() {
    Harness h = derivedTwelve();
    int before = h.commands.size();
    List<Command> out = h.deliver(new AdminRequestReceived(42, new AdminRequest.ResetDerivationPipeline()));
    assertTrue(out.contains(new RespondRpc(42, new RpcOutcome.Success("null"))));
    h.settle();
    h.advance(1_000);
    assertTrue(h.since(before, FetchL2Block.class).stream().anyMatch(ResetScenarioTest::syncStartRead));
    assertEquals(w.truth.info(12).ref(), h.status().safeL2());
  }

  @Test
  void aRestartInTheMiddleOfABuildIgnoresOldAnswersAndStartsOver() {
    w.l1.mineTo(2);
    w.truth.sequenceTo(12);
    Harness h = new Harness(w);
    h.start();
    h.observeL1();
    w.l1.mine(w.truth.singularBatches("a", 1, 12));
    h.holdEngine = true;
    h.observeL1();
    assertTrue(h.held.get(0) instanceof SendForkchoiceUpdate f && f.attributes().isPresent(), "a build is in flight");
    h.releaseHeld();
    assertTrue(h.held.get(0) instanceof GetPayload, "the build went on to sealing");
    List<Command> inFlight = new ArrayList<>(h.held);
    h.holdEngine = false;
    h.restart();
    assertEquals(w.truth.info(12).ref(), h.status().safeL2(), "the sync start ran again and derivation finished");
    List<InputEvent> late = new ArrayList<>();
    for (Command c : inFlight) {
      late.addAll(w.handle(c));
    }
    var hash = h.core.stateHash();
    for (InputEvent e : late) {
      assertEquals(List.of(), h.deliver(e), "answers to requests from before the restart are ignored");
    }
    assertEquals(w.truth.info(12).ref(), h.status().safeL2());
    assertFalse(hash.equals(h.core.stateHash()), "ignored answers still count as applied events");
  }

  @Test
  void l2BlocksFinalizeWhenTheL1BlockTheyWereDerivedFromFinalizes() {
    Harness h = derivedTwelve();
    w.l1.mineTo(10);
    w.l1.finalizeThrough(2);
    h.observeL1();
    h.observeFinality();
    assertEquals(0, h.status().finalizedL2().number(), "block 3 carried the batches; L1 finalized only 2");
    w.l1.finalizeThrough(3);
    int before = h.commands.size();
    h.observeFinality();
    assertEquals(w.truth.info(12).ref(), h.status().finalizedL2());
    assertEquals(List.of(3L, 3L), h.since(before, FetchL1Block.class).stream().map(FetchL1Block::number).toList(),
        "the finality signal and the block derived from are both checked canonical");
    SendForkchoiceUpdate update = h.since(before, SendForkchoiceUpdate.class).get(0);
    assertEquals(w.truth.info(12).ref().hash(), update.state().finalizedBlockHash());
  }
}
