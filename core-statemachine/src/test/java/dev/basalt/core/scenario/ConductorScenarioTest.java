package dev.basalt.core.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.basalt.core.CoreConfig;
import dev.basalt.core.SequencerConfig;
import dev.basalt.core.command.CheckConductorLeader;
import dev.basalt.core.command.Command;
import dev.basalt.core.command.CommitUnsafePayload;
import dev.basalt.core.command.PersistSequencerState;
import dev.basalt.core.command.PublishPayload;
import dev.basalt.core.command.RespondRpc;
import dev.basalt.core.command.SendNewPayload;
import dev.basalt.core.engine.ExecutionPayloadEnvelope;
import dev.basalt.core.event.AdminRequestReceived;
import dev.basalt.core.event.FailureKind;
import dev.basalt.core.rpc.AdminRequest;
import dev.basalt.core.rpc.RpcOutcome;
import dev.basalt.core.types.Hash32;
import dev.basalt.core.world.Harness;
import dev.basalt.core.world.ScriptedWorld;
import dev.basalt.core.world.TestChain;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Sequencer mode under op-conductor on the event clock: a sealed block is committed before it is
 * published or inserted, a failed commit leaves it unpublished and uninserted, starts need
 * leadership, and {@code admin_overrideLeader} skips the conductor until a restart.
 */
class ConductorScenarioTest {
  /** Started stopped, as op-conductor's sequencers are; the conductor starts the leader. */
  private static final SequencerConfig CONDUCTED = new SequencerConfig(4, 50, 0, false, true, false, true);

  private final ScriptedWorld w = new ScriptedWorld(TestChain.holocene());

  private Harness started(SequencerConfig cfg) {
    w.l1.mineTo(10);
    Harness h = new Harness(w, CoreConfig.sequencer(w.chain.rollup, w.chain.l1Config, cfg));
    h.start();
    h.observeL1();
    h.advance(3_000);
    return h;
  }

  private static RpcOutcome admin(Harness h, long id, AdminRequest request) {
    h.deliver(new AdminRequestReceived(id, request));
    h.settle();
    List<RespondRpc> answers = h.since(0, RespondRpc.class).stream().filter(r -> r.requestId() == id).toList();
    return answers.isEmpty() ? null : answers.get(answers.size() - 1).outcome();
  }

  private static RpcOutcome start(Harness h, long id) {
    return admin(h, id, new AdminRequest.StartSequencer(h.status().unsafeL2().hash()));
  }

  private static final RpcOutcome OK = new RpcOutcome.Success("null");

  private static List<Hash32> hashes(List<ExecutionPayloadEnvelope> blocks) {
    return blocks.stream().map(e -> e.payload().blockHash()).toList();
  }

  /** The sequenced blocks sent to the engine with newPayload, in order. */
  private static List<Hash32> inserted(Harness h) {
    return h.since(0, SendNewPayload.class).stream().map(n -> n.envelope().payload().blockHash()).toList();
  }

  @Test
  void everyBlockIsCommittedBeforeItIsPublishedOrInserted() {
    Harness h = started(CONDUCTED);
    assertEquals(OK, start(h, 1));
    h.advance(20_000);
    List<Hash32> published = hashes(h.since(0, PublishPayload.class).stream().map(PublishPayload::envelope).toList());
    assertTrue(published.size() >= 10, "a block per 2 s slot: " + published.size());
    assertEquals(published, hashes(w.committed), "exactly the committed blocks are published, in order");
    assertEquals(published, inserted(h), "and inserted");
    for (Hash32 block : published) {
      int commit = indexOf(h, CommitUnsafePayload.class, block);
      assertTrue(commit < indexOf(h, PublishPayload.class, block), "committed before published: " + block);
      assertTrue(commit < indexOf(h, SendNewPayload.class, block), "committed before inserted: " + block);
    }
    assertEquals(published.get(published.size() - 1), h.status().unsafeL2().hash());
    h.assertShadowAgrees();
  }

  private static int indexOf(Harness h, Class<? extends Command> type, Hash32 block) {
    for (int i = 0; i < h.commands.size(); i++) {
      Command c = h.commands.get(i);
      ExecutionPayloadEnvelope e = switch (c) {
        case CommitUnsafePayload x -> x.envelope();
        case PublishPayload x -> x.envelope();
        case SendNewPayload x -> x.envelope();
        default -> null;
      };
      if (type.isInstance(c) && e != null && e.payload().blockHash().equals(block)) {
        return i;
      }
    }
    throw new AssertionError(type.getSimpleName() + " of " + block + " never emitted");
  }

  @Test
  void aFailedCommitNeitherPublishesNorInsertsAndTheSameJobIsSealedAgainASecondLater() {
    Harness h = started(CONDUCTED);
    w.fail(CommitUnsafePayload.class, 2, FailureKind.TIMEOUT);
    assertEquals(OK, start(h, 1));
    h.advance(12_000);
    List<CommitUnsafePayload> attempts = h.since(0, CommitUnsafePayload.class);
    List<Hash32> published = hashes(h.since(0, PublishPayload.class).stream().map(PublishPayload::envelope).toList());
    assertEquals(published, hashes(w.committed), "only committed blocks are published");
    assertEquals(published, inserted(h), "only committed blocks are inserted");
    assertEquals(published.size() + 2, attempts.size(), "two failed commits, then each block committed once");
    TreeMap<Long, Hash32> byHeight = new TreeMap<>();
    for (ExecutionPayloadEnvelope e : w.committed) {
      Hash32 before = byHeight.put(e.payload().blockNumber(), e.payload().blockHash());
      assertTrue(before == null, "height " + e.payload().blockNumber() + " committed twice");
    }
    assertEquals(attempts.get(0).envelope(), w.committed.get(0),
        "the job is sealed again: the block that failed to commit is the one committed later, nothing skipped");
    List<Long> times = new ArrayList<>();
    for (int i = 0; i < h.commands.size(); i++) {
      if (h.commands.get(i) instanceof CommitUnsafePayload) {
        times.add(h.commandTimes.get(i));
      }
    }
    assertTrue(times.get(1) - times.get(0) >= 1_000 && times.get(2) - times.get(1) >= 1_000,
        "op-node backs off a second after a failed commit: " + times);
    assertEquals(h.status().unsafeL2().hash(), published.get(published.size() - 1));
    h.assertShadowAgrees();
  }

  @Test
  void startAsksTheConductorForLeadershipFirst() {
    Harness h = started(CONDUCTED);
    w.conductorLeader = false;
    assertEquals(new RpcOutcome.Failure(-32000, "sequencer is not the leader, aborting"), start(h, 1));
    w.fail(CheckConductorLeader.class, 1, FailureKind.TRANSPORT);
    assertEquals(new RpcOutcome.Failure(-32000, "sequencer leader check failed: TRANSPORT: scripted"), start(h, 2));
    h.advance(6_000);
    assertTrue(h.since(0, PublishPayload.class).isEmpty(), "never started");
    w.conductorLeader = true;
    assertEquals(2, h.since(0, CheckConductorLeader.class).size());
    assertEquals(new RpcOutcome.Failure(-32000, "block hash does not match: head " + h.status().unsafeL2() + ", received "
        + Hash32.ZERO), admin(h, 3, new AdminRequest.StartSequencer(Hash32.ZERO)), "leader, but not on the unsafe head");
    int before = h.commands.size();
    assertEquals(OK, start(h, 4));
    assertEquals(List.of(new PersistSequencerState(true)), h.since(before, PersistSequencerState.class),
        "the started state is persisted");
    assertEquals(new RpcOutcome.Failure(-32000, "sequencer already running"), start(h, 5));
    h.advance(4_000);
    assertFalse(h.since(0, PublishPayload.class).isEmpty());
  }

  @Test
  void overrideLeaderSkipsTheConductorUntilTheNextStart() {
    Harness h = started(CONDUCTED);
    w.conductorLeader = false;
    assertEquals(new RpcOutcome.Success("true"), admin(h, 1, new AdminRequest.ConductorEnabled()));
    assertEquals(OK, admin(h, 2, new AdminRequest.OverrideLeader()));
    assertEquals(OK, start(h, 3));
    h.advance(10_000);
    assertEquals(0, h.since(0, CheckConductorLeader.class).size(), "no leader check under the override");
    assertEquals(0, h.since(0, CommitUnsafePayload.class).size(), "no commits under the override");
    List<PublishPayload> published = h.since(0, PublishPayload.class);
    assertTrue(published.size() >= 5, "sequencing without the conductor: " + published.size());
    assertEquals(published.get(published.size() - 1).envelope().payload().blockHash(), h.status().unsafeL2().hash());

    admin(h, 4, new AdminRequest.StopSequencer());
    h.restart();
    h.observeL1();
    h.advance(3_000);
    assertEquals(new RpcOutcome.Failure(-32000, "sequencer is not the leader, aborting"), start(h, 5),
        "the override lives until the process restarts, as op-node's");
  }

  @Test
  void withoutTheConductorNothingIsAskedAndTheAdminAnswersSaySo() {
    Harness h = started(new SequencerConfig(4, 50, 0, false, true, false));
    assertEquals(new RpcOutcome.Success("false"), admin(h, 1, new AdminRequest.ConductorEnabled()));
    assertEquals(OK, start(h, 2));
    h.advance(6_000);
    assertTrue(h.since(0, CommitUnsafePayload.class).isEmpty());
    assertFalse(h.since(0, PublishPayload.class).isEmpty());

    ScriptedWorld w2 = new ScriptedWorld(TestChain.holocene());
    Harness validator = new Harness(w2);
    validator.start();
    assertEquals(new RpcOutcome.Failure(-32000, "sequencer is not enabled"), admin(validator, 1, new AdminRequest.OverrideLeader()));
    assertEquals(new RpcOutcome.Success("false"), admin(validator, 2, new AdminRequest.ConductorEnabled()));
    assertTrue(validator.since(0, PersistSequencerState.class).isEmpty(), "a validator has no sequencer state to persist");
  }

  @Test
  void startsAndStopsArePersistedForAdminState() {
    Harness h = started(CONDUCTED);
    assertEquals(List.of(new PersistSequencerState(false)), h.since(0, PersistSequencerState.class), "started stopped");
    start(h, 1);
    h.advance(4_000);
    admin(h, 2, new AdminRequest.StopSequencer());
    assertEquals(List.of(new PersistSequencerState(false), new PersistSequencerState(true), new PersistSequencerState(false)),
        h.since(0, PersistSequencerState.class));
  }
}
