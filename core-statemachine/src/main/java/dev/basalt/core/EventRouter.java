package dev.basalt.core;

import dev.basalt.core.command.PersistSequencerState;
import dev.basalt.core.command.ResolveGossipMessage;
import dev.basalt.core.command.RespondRpc;
import dev.basalt.core.derive.driver.DerivationDriver;
import dev.basalt.core.engine.control.EngineController;
import dev.basalt.core.event.AdminRequestReceived;
import dev.basalt.core.event.BlobsFetched;
import dev.basalt.core.event.ClockTicked;
import dev.basalt.core.event.ConductorLeaderChecked;
import dev.basalt.core.event.ConductorPayloadCommitted;
import dev.basalt.core.event.EngineResponseReceived;
import dev.basalt.core.event.GossipPayloadReceived;
import dev.basalt.core.event.InputEvent;
import dev.basalt.core.event.L1BlockFetched;
import dev.basalt.core.event.L1FinalizedObserved;
import dev.basalt.core.event.L1HeadObserved;
import dev.basalt.core.event.L1SafeObserved;
import dev.basalt.core.event.NodeStarted;
import dev.basalt.core.event.RequestFailed;
import dev.basalt.core.event.UnsafeBlockSignerObserved;
import dev.basalt.core.event.WakeupFired;
import dev.basalt.core.finality.Finalizer;
import dev.basalt.core.flow.Outbox;
import dev.basalt.core.flow.Pending;
import dev.basalt.core.flow.Requests;
import dev.basalt.core.flow.Signal;
import dev.basalt.core.flow.WakeupPurpose;
import dev.basalt.core.heads.L1Heads;
import dev.basalt.core.p2p.GossipValidation;
import dev.basalt.core.p2p.GossipValidator;
import dev.basalt.core.rpc.AdminRequest;
import dev.basalt.core.rpc.RpcOutcome;
import dev.basalt.core.sequencer.Sequencer;
import dev.basalt.core.types.L1BlockRef;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * The first half of {@link Core#apply}: hands one input event to the component it concerns. An
 * answer (a fetched block, a failure, an engine response, a wakeup) goes to the component whose
 * request it answers, found by the purpose the request was issued for ({@link Pending}); an answer
 * to a request that is no longer pending (abandoned by a restart or a reset) is dropped. What the
 * components raise for each other is left in the {@link Outbox} for the {@link SignalRouter}.
 */
final class EventRouter {
  private final CoreState state;
  private final Requests requests;
  private final L1Heads l1Heads;
  private final EngineController engine;
  private final DerivationDriver derivation;
  private final Finalizer finalizer;
  private final Sequencer sequencer;
  private final GossipValidator gossip;

  EventRouter(CoreState state) {
    this.state = state;
    this.requests = state.requests;
    this.l1Heads = state.l1Heads;
    this.engine = state.engine;
    this.derivation = state.derivation;
    this.finalizer = state.finalizer;
    this.sequencer = state.sequencer;
    this.gossip = state.gossip;
  }

  void route(InputEvent event, Outbox out) {
    switch (event) {
      case NodeStarted e -> onNodeStarted(e, out);
      case ClockTicked e -> {}
      case WakeupFired e -> onWakeup(e.correlationId(), out);
      case L1HeadObserved e -> onL1Labels(() -> l1Heads.observeHead(e.head()), out);
      case L1SafeObserved e -> onL1Labels(() -> l1Heads.observeSafe(e.safe()), out);
      case L1FinalizedObserved e -> onL1Labels(() -> l1Heads.observeFinalized(e.finalized()), out);
      case L1BlockFetched e -> onL1Block(e, out);
      case BlobsFetched e -> {
        if (requests.complete(e.correlationId()) instanceof Pending.DeriveBlobs) {
          derivation.onBlobs(e.correlationId(), e.blobs(), out, l1Head());
        }
      }
      case RequestFailed e -> onRequestFailed(e, out);
      case EngineResponseReceived e -> onEngineResponse(e, out);
      case GossipPayloadReceived e -> onGossip(e, out);
      case AdminRequestReceived e -> onAdminRequest(e, out);
      case ConductorPayloadCommitted e -> {
        if (requests.complete(e.correlationId()) instanceof Pending.EngineCall) {
          engine.onAnswer(e.correlationId(), e, out, l1Head());
        }
      }
      case ConductorLeaderChecked e -> {
        if (requests.complete(e.correlationId()) instanceof Pending.SequencerLeaderCheck c) {
          sequencer.onLeaderChecked(c, Optional.of(e.leader()), "", engine.heads(), out);
        }
      }
      case UnsafeBlockSignerObserved e -> gossip.observeSigner(e.signer());
    }
  }

  private void onNodeStarted(NodeStarted e, Outbox out) {
    if (state.config != null && state.config.l2ChainId() != e.config().l2ChainId()) {
      throw new IllegalStateException(
          "journal belongs to chain " + state.config.l2ChainId() + ", node started for " + e.config().l2ChainId());
    }
    state.config = e.config();
    state.haltReason = "";
    // Whatever was in flight died with the previous process; nothing will answer it. The engine is
    // the authority after a restart (it may have lost blocks), so everything starts from it again.
    requests.abandonAll();
    engine.configure(state.config);
    derivation.configure(state.config);
    sequencer.configure(state.config);
    sequencer.onNodeStarted();
    if (sequencer.enabled()) {
      // op-node's Init tells the admin-state listener the state the sequencer starts in.
      out.emit(new PersistSequencerState(sequencer.active()));
    }
    finalizer.onReset();
    engine.start(out, l1Head());
  }

  /** A label observation; a new head (possibly lifted by safe or finalized) lets derivation go on. */
  private void onL1Labels(BooleanSupplier observe, Outbox out) {
    L1BlockRef headBefore = l1Heads.head();
    L1BlockRef finalizedBefore = l1Heads.finalized();
    if (!observe.getAsBoolean()) {
      return;
    }
    if (!l1Heads.finalized().equals(finalizedBefore)) {
      finalizer.onL1Finalized(l1Heads.finalized(), engine.heads().finalized().ref(), out);
    }
    if (!l1Heads.head().equals(headBefore)) {
      sequencer.onL1Head();
      engine.onL1Head(out, l1Head());
      derivation.step(out, l1Head());
    }
  }

  private void onWakeup(long correlationId, Outbox out) {
    if (requests.complete(correlationId) instanceof Pending.Wakeup w) {
      wake(w.purpose(), correlationId, out);
    }
  }

  private void wake(WakeupPurpose purpose, long correlationId, Outbox out) {
    switch (purpose) {
      case ENGINE_RETRY, EL_SYNC_POLL -> engine.onWakeup(purpose, correlationId, out, l1Head());
      case DERIVATION_RETRY, DERIVATION_CONTINUE -> derivation.onWakeup(purpose, correlationId, out, l1Head());
      case SEQUENCER_ACTION -> sequencer.onWakeup(correlationId);
    }
  }

  private void onL1Block(L1BlockFetched e, Outbox out) {
    switch (requests.complete(e.correlationId())) {
      case Pending.EngineCall c -> engine.onAnswer(e.correlationId(), e, out, l1Head());
      case Pending.DeriveL1Block b -> derivation.onL1Block(e.correlationId(), e.block(), out, l1Head());
      case Pending.FinalityL1Block b -> finalizer.onL1Block(e.correlationId(), e.block(), engine.heads().finalized().ref(), out);
      case Pending.SequencerL1Block b -> sequencer.onL1Block(e.correlationId(), e.block(), out);
      case null, default -> {}
    }
  }

  private void onRequestFailed(RequestFailed e, Outbox out) {
    switch (requests.complete(e.correlationId())) {
      case Pending.EngineCall c -> engine.onAnswer(e.correlationId(), e, out, l1Head());
      case Pending.DeriveL1Block b -> derivation.onFailed(e.correlationId(), e, out);
      case Pending.DeriveBlobs b -> derivation.onFailed(e.correlationId(), e, out);
      case Pending.DeriveL2Block b -> derivation.onFailed(e.correlationId(), e, out);
      case Pending.FinalityL1Block b -> finalizer.onFailed(e.correlationId());
      case Pending.SequencerL1Block b -> sequencer.onL1Failed(e.correlationId(), out);
      case Pending.SequencerLeaderCheck c -> sequencer.onLeaderChecked(c, Optional.empty(), e.kind() + ": " + e.detail(),
          engine.heads(), out);
      // The clock could not schedule it: treat it as due, so no retry is ever lost.
      case Pending.Wakeup w -> wake(w.purpose(), e.correlationId(), out);
      case null -> {}
    }
  }

  private void onEngineResponse(EngineResponseReceived e, Outbox out) {
    switch (requests.complete(e.correlationId())) {
      case Pending.EngineCall c -> engine.onAnswer(e.correlationId(), e, out, l1Head());
      case Pending.DeriveL2Block b -> derivation.onL2Block(e.correlationId(), e.response(), out, l1Head());
      case null, default -> {}
    }
  }

  /**
   * A block message: validated (op-node's rules and order), the verdict returned to the router,
   * and an accepted block offered to the engine as an unsafe payload, as op-node's gossip
   * subscriber does after validation.
   */
  private void onGossip(GossipPayloadReceived e, Outbox out) {
    state.gossipMessagesReceived++;
    GossipValidation v = gossip.validate(state.config.rollup(), e.topicVersion(), e.data(), e.receivedAtMillis());
    out.emit(new ResolveGossipMessage(e.messageId(), e.peerId(), e.topicVersion(), v.reason(), v.detail(), v.block()));
    // An accepted block's hash was rebuilt from its payload by the validator under the same rollup config.
    v.envelope().ifPresent(envelope -> engine.postHashCheckedUnsafePayload(envelope, out, l1Head()));
  }

  private void onAdminRequest(AdminRequestReceived e, Outbox out) {
    Optional<RpcOutcome> outcome = switch (e.request()) {
      case AdminRequest.ResetDerivationPipeline r -> {
        out.signal(new Signal.ResetRequested("admin_resetDerivationPipeline"));
        yield Optional.of(new RpcOutcome.Success("null"));
      }
      case AdminRequest.PostUnsafePayload p -> Optional.of(engine.postUnsafePayload(p.envelope(), out, l1Head()));
      // Under op-conductor answered once the conductor said whether this node leads.
      case AdminRequest.StartSequencer s -> sequencer.start(e.requestId(), s.unsafeHead(), engine.heads(), out);
      // Answered by the sequencer itself once a block it sealed is the unsafe head.
      case AdminRequest.StopSequencer s -> sequencer.stop(e.requestId(), engine.heads(), out);
      case AdminRequest.SequencerActive s -> Optional.of(sequencer.sequencerActive());
      case AdminRequest.SetRecoverMode m -> Optional.of(sequencer.setRecoverMode(m.enabled()));
      case AdminRequest.OverrideLeader o -> Optional.of(sequencer.overrideLeader());
      case AdminRequest.ConductorEnabled c -> Optional.of(sequencer.conductorEnabled());
    };
    outcome.ifPresent(o -> out.emit(new RespondRpc(e.requestId(), o)));
  }

  private L1BlockRef l1Head() {
    return l1Heads.head();
  }
}
