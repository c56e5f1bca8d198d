package dev.basalt.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.basalt.core.command.Command;
import dev.basalt.core.command.FetchL2Block;
import dev.basalt.core.command.PublishSyncStatus;
import dev.basalt.core.config.RollupConfig;
import dev.basalt.core.engine.EngineResponse;
import dev.basalt.core.engine.L2BlockSelector;
import dev.basalt.core.event.ClockTicked;
import dev.basalt.core.event.EngineResponseReceived;
import dev.basalt.core.event.L1HeadObserved;
import dev.basalt.core.event.NodeStarted;
import dev.basalt.core.world.TestChain;
import dev.basalt.core.world.TestL1;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The spine: start, routing of answers by request, status publication, restarts. */
class CoreTest {
  private final Core core = new Core();

  private static <T extends Command> T only(Class<T> type, List<Command> commands) {
    List<Command> matching = commands.stream().filter(type::isInstance).toList();
    assertEquals(1, matching.size(), () -> "expected one " + type.getSimpleName() + " in " + commands);
    return type.cast(matching.get(0));
  }

  @Test
  void refusesAnyEventBeforeNodeStarted() {
    assertThrows(IllegalStateException.class, () -> core.apply(new ClockTicked(5)));
  }

  @Test
  void startReadsTheEnginesFinalizedBlockFirst() {
    FetchL2Block read = only(FetchL2Block.class, core.apply(new NodeStarted(TestChain.holocene().config(), 1000)));
    assertEquals(new L2BlockSelector.ByLabel(L2BlockSelector.Label.FINALIZED), read.selector());
  }

  @Test
  void answersToUnknownOrStaleRequestsAreIgnored() {
    CoreConfig config = TestChain.holocene().config();
    FetchL2Block read = only(FetchL2Block.class, core.apply(new NodeStarted(config, 0)));
    // A restart abandons everything in flight, so the old id no longer means anything.
    FetchL2Block again = only(FetchL2Block.class, core.apply(new NodeStarted(config, 5)));
    assertTrue(again.correlationId() > read.correlationId(), "correlation ids only grow");
    var hashBefore = core.stateHash();
    var empty = new EngineResponse.L2Block(Optional.empty());
    assertEquals(List.of(), core.apply(new EngineResponseReceived(read.correlationId(), empty)));
    assertEquals(List.of(), core.apply(new EngineResponseReceived(999_999, empty)));
    assertNotEquals(hashBefore, core.stateHash(), "events are still counted");
  }

  @Test
  void statusIsPublishedWhenItChangesOnly() {
    TestChain chain = TestChain.holocene();
    core.apply(new NodeStarted(chain.config(), 0));
    var head = TestL1.ref(3, 0, TestChain.GENESIS_TIME + 36);
    PublishSyncStatus status = only(PublishSyncStatus.class, core.apply(new L1HeadObserved(head)));
    assertEquals(head, status.status().headL1());
    assertTrue(core.apply(new L1HeadObserved(head)).stream().noneMatch(PublishSyncStatus.class::isInstance));
    assertEquals(status.status(), core.syncStatus());
  }

  @Test
  void restartWithAnotherChainIsABug() {
    core.apply(new NodeStarted(TestChain.holocene().config(), 0));
    CoreConfig other = TestChain.holocene().config();
    CoreConfig otherChain = new CoreConfig(new RollupConfig(other.rollup().l1ChainId(), 8453,
        other.rollup().genesis(), 2, 600, 20, 10, other.rollup().batchInboxAddress(), other.rollup().depositContractAddress(),
        other.rollup().l1SystemConfigAddress(), other.rollup().forks(), -1, other.rollup().eip1559(), false), other.l1(),
        NodeMode.VALIDATOR);
    assertThrows(IllegalStateException.class, () -> core.apply(new NodeStarted(otherChain, 1)));
  }
}
