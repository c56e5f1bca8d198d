package dev.basalt.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.basalt.core.command.Command;
import dev.basalt.core.command.FetchEngineHeads;
import dev.basalt.core.command.FetchL1Block;
import dev.basalt.core.command.PublishSyncStatus;
import dev.basalt.core.command.RespondRpc;
import dev.basalt.core.command.ScheduleWakeup;
import dev.basalt.core.command.SendForkchoiceUpdate;
import dev.basalt.core.engine.EngineResponse;
import dev.basalt.core.engine.ExecutionStatus;
import dev.basalt.core.engine.PayloadStatus;
import dev.basalt.core.event.AdminRequestReceived;
import dev.basalt.core.event.ClockTicked;
import dev.basalt.core.event.EngineResponseReceived;
import dev.basalt.core.event.FailureKind;
import dev.basalt.core.event.L1BlockFetched;
import dev.basalt.core.event.L1HeadObserved;
import dev.basalt.core.event.NodeStarted;
import dev.basalt.core.event.RequestFailed;
import dev.basalt.core.event.WakeupFired;
import dev.basalt.core.rpc.AdminRequest;
import dev.basalt.core.rpc.RpcOutcome;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CoreTest {
  private final Core core = new Core();

  private static <T extends Command> T only(Class<T> type, List<Command> commands) {
    List<Command> matching = commands.stream().filter(type::isInstance).toList();
    assertEquals(1, matching.size(), () -> "expected one " + type.getSimpleName() + " in " + commands);
    return type.cast(matching.get(0));
  }

  private static EngineResponse.ForkchoiceUpdated fcu(ExecutionStatus status) {
    return new EngineResponse.ForkchoiceUpdated(PayloadStatus.of(status), Optional.empty());
  }

  @Test
  void refusesAnyEventBeforeNodeStarted() {
    assertThrows(IllegalStateException.class, () -> core.apply(new ClockTicked(5)));
  }

  @Test
  void syncStartReadsEngineHeadsThenConfirmsThemWithAForkchoiceUpdate() {
    FetchEngineHeads fetch = only(FetchEngineHeads.class, core.apply(new NodeStarted(TestRefs.config(), 1000)));
    var heads = new EngineResponse.Heads(TestRefs.l2(100), TestRefs.l2(90), TestRefs.l2(80));
    List<Command> out = core.apply(new EngineResponseReceived(fetch.correlationId(), heads));
    SendForkchoiceUpdate update = only(SendForkchoiceUpdate.class, out);
    assertEquals(TestRefs.l2(100).hash(), update.state().headBlockHash());
    assertEquals(TestRefs.l2(90).hash(), update.state().safeBlockHash());
    assertEquals(TestRefs.l2(80).hash(), update.state().finalizedBlockHash());
    PublishSyncStatus status = only(PublishSyncStatus.class, out);
    assertEquals(TestRefs.l2(100), status.status().unsafeL2());
    assertEquals(TestRefs.l2(80), status.status().finalizedL2());
    assertTrue(fetch.correlationId() < update.correlationId(), "correlation ids increase");
    assertEquals(List.of(), core.apply(new EngineResponseReceived(update.correlationId(), fcu(ExecutionStatus.VALID))));
  }

  @Test
  void inconsistentEngineLabelsAreClampedToKeepTheInvariant() {
    FetchEngineHeads fetch = only(FetchEngineHeads.class, core.apply(new NodeStarted(TestRefs.config(), 0)));
    var heads = new EngineResponse.Heads(TestRefs.l2(50), TestRefs.l2(60), TestRefs.l2(70));
    PublishSyncStatus status =
        only(PublishSyncStatus.class, core.apply(new EngineResponseReceived(fetch.correlationId(), heads)));
    assertEquals(TestRefs.l2(50), status.status().safeL2());
    assertEquals(TestRefs.l2(50), status.status().finalizedL2());
  }

  @Test
  void failedSyncStartRetriesWithDoublingBackoffDrivenByWakeups() {
    FetchEngineHeads fetch = only(FetchEngineHeads.class, core.apply(new NodeStarted(TestRefs.config(), 10_000)));
    ScheduleWakeup first =
        only(ScheduleWakeup.class, core.apply(new RequestFailed(fetch.correlationId(), FailureKind.TRANSPORT, "refused")));
    assertEquals(10_500, first.atMillis());
    FetchEngineHeads again = only(FetchEngineHeads.class, core.apply(new WakeupFired(first.correlationId(), 10_500)));
    ScheduleWakeup second =
        only(ScheduleWakeup.class, core.apply(new RequestFailed(again.correlationId(), FailureKind.TIMEOUT, "slow")));
    assertEquals(10_500 + 1_000, second.atMillis());
  }

  @Test
  void invalidForkchoiceRestartsTheSyncStartAfterBackoff() {
    FetchEngineHeads fetch = only(FetchEngineHeads.class, core.apply(new NodeStarted(TestRefs.config(), 0)));
    var heads = new EngineResponse.Heads(TestRefs.l2(3), TestRefs.l2(2), TestRefs.l2(1));
    SendForkchoiceUpdate update =
        only(SendForkchoiceUpdate.class, core.apply(new EngineResponseReceived(fetch.correlationId(), heads)));
    List<Command> out = core.apply(new EngineResponseReceived(update.correlationId(), fcu(ExecutionStatus.INVALID)));
    assertInstanceOf(ScheduleWakeup.class, out.get(0));
  }

  @Test
  void answersToUnknownOrStaleRequestsAreIgnored() {
    FetchEngineHeads fetch = only(FetchEngineHeads.class, core.apply(new NodeStarted(TestRefs.config(), 0)));
    var heads = new EngineResponse.Heads(TestRefs.l2(3), TestRefs.l2(2), TestRefs.l2(1));
    // A restart abandons everything in flight, so the old id no longer means anything.
    core.apply(new NodeStarted(TestRefs.config(), 5));
    var hashBefore = core.stateHash();
    assertEquals(List.of(), core.apply(new EngineResponseReceived(fetch.correlationId(), heads)));
    assertEquals(List.of(), core.apply(new EngineResponseReceived(999_999, heads)));
    assertNotEquals(hashBefore, core.stateHash(), "events are still counted");
  }

  @Test
  void newL1HeadsAreFetchedOnceAndReorgsAreCounted() {
    core.apply(new NodeStarted(TestRefs.config(), 0));
    FetchL1Block fetch = only(FetchL1Block.class, core.apply(new L1HeadObserved(TestRefs.l1(10))));
    assertEquals(10, fetch.number());
    assertEquals(List.of(), core.apply(new L1HeadObserved(TestRefs.l1(10))), "same head is not fetched twice");
    core.apply(new L1BlockFetched(fetch.correlationId(), TestRefs.block(TestRefs.l1(10))));
    FetchL1Block next = only(FetchL1Block.class, core.apply(new L1HeadObserved(TestRefs.l1(11))));
    core.apply(new L1BlockFetched(next.correlationId(), TestRefs.block(TestRefs.l1(11))));
    // Block 11 is replaced by a sibling on another fork.
    FetchL1Block sibling = only(FetchL1Block.class, core.apply(new L1HeadObserved(TestRefs.l1(11, 1))));
    String before = dev.basalt.core.state.JsonStateWriter.of(core);
    core.apply(new L1BlockFetched(sibling.correlationId(), TestRefs.block(new dev.basalt.core.types.L1BlockRef(
        TestRefs.l1(11, 1).hash(), 11, TestRefs.l1(10).hash(), TestRefs.l1(11).timestamp()))));
    String after = dev.basalt.core.state.JsonStateWriter.of(core);
    assertTrue(before.contains("\"reorgCount\": 0"), before);
    assertTrue(after.contains("\"reorgCount\": 1"), after);
  }

  @Test
  void adminResetRespondsAndStartsASyncStart() {
    core.apply(new NodeStarted(TestRefs.config(), 0));
    List<Command> out = core.apply(new AdminRequestReceived(77, new AdminRequest.ResetDerivationPipeline()));
    RespondRpc response = only(RespondRpc.class, out);
    assertEquals(77, response.requestId());
    assertEquals(new RpcOutcome.Success("null"), response.outcome());
    only(FetchEngineHeads.class, out);
  }

  @Test
  void restartWithAnotherChainIsABug() {
    core.apply(new NodeStarted(TestRefs.config(), 0));
    assertThrows(
        IllegalStateException.class,
        () -> core.apply(new NodeStarted(TestRefs.config(8453), 1)));
  }
}
