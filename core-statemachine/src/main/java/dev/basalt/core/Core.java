package dev.basalt.core;

import dev.basalt.core.codec.BinaryReader;
import dev.basalt.core.codec.BinaryWriter;
import dev.basalt.core.codec.DecodeException;
import dev.basalt.core.codec.ValueCodec;
import dev.basalt.core.command.Command;
import dev.basalt.core.command.HaltNode;
import dev.basalt.core.command.PersistSequencerState;
import dev.basalt.core.command.PublishSyncStatus;
import dev.basalt.core.command.ResolveGossipMessage;
import dev.basalt.core.command.RespondRpc;
import dev.basalt.core.crypto.RecoveryMemo;
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
import dev.basalt.core.heads.L2Heads;
import dev.basalt.core.heads.SyncStatus;
import dev.basalt.core.p2p.GossipValidation;
import dev.basalt.core.p2p.GossipValidator;
import dev.basalt.core.rpc.AdminRequest;
import dev.basalt.core.tx.SenderMemo;
import dev.basalt.core.rpc.RpcOutcome;
import dev.basalt.core.sequencer.Sequencer;
import dev.basalt.core.state.Describable;
import dev.basalt.core.state.StateDigest;
import dev.basalt.core.state.StateVisitor;
import dev.basalt.core.types.Bytes;
import dev.basalt.core.types.Hash32;
import dev.basalt.core.types.L1BlockRef;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * The deterministic state machine: {@link #apply} takes one event and returns the commands it
 * leads to. Not thread-safe by design; exactly one thread calls it.
 *
 * <p>The spine routes each event to the component it concerns (answers by the purpose their
 * request was issued for), then delivers the {@link Signal}s the components raise to each other in
 * FIFO order until none is left, then publishes the status if it changed. Components: the {@link
 * EngineController} (the only writer of the L2 heads and the only Engine API user), the {@link
 * DerivationDriver} (the pipeline, in lockstep with the controller) and the {@link Finalizer}.
 *
 * <p>An exception thrown from {@link #apply} is a bug in the core. The caller must halt and must
 * never skip the event, because the state may be half-updated. Protocol-critical outcomes are not
 * exceptions: they become a {@link HaltNode} command, after which every event but {@code
 * NodeStarted} is ignored.
 */
public final class Core implements Describable {
  private static final List<Command> NONE = List.of();

  /** Sequencer passes per event: each acts at most once more on signals the previous one raised. */
  private static final int MAX_SEQUENCER_ROUNDS = 4;

  /** Version of the snapshot layout written by {@link #writeSnapshot} (5: conductor requests and the gossip validator). */
  public static final int SNAPSHOT_VERSION = 5;

  private CoreConfig config;
  private long nowMillis;
  private long eventsApplied;
  private long gossipMessagesReceived;
  private String haltReason = "";

  private final Requests requests = new Requests();
  private final L1Heads l1Heads = new L1Heads();
  private final EngineController engine = new EngineController();
  private final DerivationDriver derivation;
  private final Finalizer finalizer = new Finalizer();
  private final Sequencer sequencer = new Sequencer();
  private final GossipValidator gossip;
  private SyncStatus publishedStatus = SyncStatus.EMPTY;

  /** A core that has seen no event yet, with its own memo of recovered signers. */
  public Core() {
    this(new RecoveryMemo());
  }

  /**
   * As {@link #Core()}, recovering batcher-tx senders and gossip signers through {@code recoveries}:
   * a memo that cannot change any answer, so a process that rebuilds its core may hand over the old
   * core's memo (one thread only).
   */
  public Core(RecoveryMemo recoveries) {
    this.derivation = new DerivationDriver(new SenderMemo(recoveries));
    this.gossip = new GossipValidator(recoveries);
  }

  /** Applies one event and returns the commands it leads to (possibly none). */
  public List<Command> apply(InputEvent event) {
    if (config == null && !(event instanceof NodeStarted)) {
      throw new IllegalStateException("first event must be NodeStarted, got " + event);
    }
    advanceClock(event);
    Outbox out = new Outbox(requests, nowMillis);
    if (haltReason.isEmpty() || event instanceof NodeStarted) {
      route(event, out);
      deliverSignals(out);
      // The sequencer acts on the state the event left; what it starts may raise signals in turn.
      for (int round = 0; round < MAX_SEQUENCER_ROUNDS && haltReason.isEmpty(); round++) {
        sequencer.afterEvent(engine, out, l1Head());
        if (!out.hasSignals()) {
          break;
        }
        deliverSignals(out);
      }
    }
    eventsApplied++;
    publishStatusIfChanged(out);
    return out.commands().isEmpty() ? NONE : out.commands();
  }

  private void advanceClock(InputEvent event) {
    switch (event) {
      case NodeStarted e -> nowMillis = e.nowMillis();
      case ClockTicked e -> nowMillis = e.nowMillis();
      case WakeupFired e -> nowMillis = e.nowMillis();
      default -> {}
    }
  }

  private void route(InputEvent event, Outbox out) {
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
    if (config != null && config.l2ChainId() != e.config().l2ChainId()) {
      throw new IllegalStateException(
          "journal belongs to chain " + config.l2ChainId() + ", node started for " + e.config().l2ChainId());
    }
    config = e.config();
    haltReason = "";
    // Whatever was in flight died with the previous process; nothing will answer it. The engine is
    // the authority after a restart (it may have lost blocks), so everything starts from it again.
    requests.abandonAll();
    engine.configure(config);
    derivation.configure(config);
    sequencer.configure(config);
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
    gossipMessagesReceived++;
    GossipValidation v = gossip.validate(config.rollup(), e.topicVersion(), e.data(), e.receivedAtMillis());
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

  /** Delivers the components' signals to each other, oldest first, until none is left. */
  private void deliverSignals(Outbox out) {
    for (Signal s = out.nextSignal(); s != null && haltReason.isEmpty(); s = out.nextSignal()) {
      switch (s) {
        case Signal.DerivedAttributes d -> {
          // A reset raised earlier in this event already abandoned these attributes.
          if (derivation.awaitingEngine()) {
            engine.processAttributes(d.attributes(), out, l1Head());
          }
        }
        case Signal.AttributesProcessed p -> {
          p.newSafe().ifPresent(safe -> finalizer.onSafeDerived(safe.ref(), p.derivedFrom()));
          derivation.onAttributesProcessed(p, out, l1Head());
        }
        case Signal.AttributesDropped d -> derivation.onAttributesDropped(d.pendingSafe(), out, l1Head());
        case Signal.FlushChannel f -> derivation.onFlushChannel();
        case Signal.ResetRequested r -> {
          sequencer.onResetRequested();
          derivation.onResetRequested();
          finalizer.onReset();
          engine.requestReset(out, l1Head());
        }
        case Signal.ResetConfirmed c -> {
          sequencer.onResetConfirmed(out);
          finalizer.onReset();
          derivation.onResetConfirmed(c.safe(), out, l1Head());
        }
        case Signal.DerivationIdle i -> finalizer.onDerivationIdle(i.origin(), engine.heads().finalized().ref(), out);
        case Signal.FinalizeRequested f -> engine.finalizeBlock(f.block(), out, l1Head());
        case Signal.BlockCanonical b -> derivation.onBlockCanonical(b.block());
        case Signal.SequencerBuildStarted x -> sequencer.onSignal(x, out, engine.heads());
        case Signal.SequencerBlockSealed x -> sequencer.onSignal(x, out, engine.heads());
        case Signal.SequencerBlockInserted x -> sequencer.onSignal(x, out, engine.heads());
        case Signal.SequencerBuildAborted x -> sequencer.onSignal(x, out, engine.heads());
        case Signal.SequencerCommitFailed x -> sequencer.onSignal(x, out, engine.heads());
        case Signal.Halt h -> {
          haltReason = h.reason();
          out.emit(new HaltNode(h.reason()));
        }
      }
    }
  }

  private L1BlockRef l1Head() {
    return l1Heads.head();
  }

  /**
   * Writes the complete state, so that {@link #restore} followed by the same events behaves exactly
   * like this core. Only valid between events.
   */
  public void writeSnapshot(BinaryWriter w) {
    w.u8(SNAPSHOT_VERSION);
    w.bool(config != null);
    w.i64(nowMillis).i64(eventsApplied).i64(gossipMessagesReceived).string(haltReason);
    requests.writeTo(w);
    l1Heads.writeTo(w);
    gossip.writeTo(w);
    if (config != null) {
      ValueCodec.write(w, config);
      engine.writeTo(w);
      derivation.writeTo(w);
      finalizer.writeTo(w);
      sequencer.writeTo(w);
    }
  }

  /** Rebuilds a core from {@link #writeSnapshot} output. */
  public static Core restore(BinaryReader r) {
    return restore(r, new RecoveryMemo());
  }

  /** As {@link #restore(BinaryReader)}, the core recovering signers through {@code recoveries} (see {@link #Core(RecoveryMemo)}). */
  public static Core restore(BinaryReader r, RecoveryMemo recoveries) {
    int version = r.u8();
    if (version != SNAPSHOT_VERSION) {
      throw new DecodeException("unsupported core snapshot version " + version);
    }
    Core core = new Core(recoveries);
    boolean configured = r.bool();
    core.nowMillis = r.i64();
    core.eventsApplied = r.u63("events applied");
    core.gossipMessagesReceived = r.u63("gossip count");
    core.haltReason = r.string();
    core.requests.readFrom(r);
    core.l1Heads.readFrom(r);
    core.gossip.readFrom(r);
    if (configured) {
      core.config = ValueCodec.readCoreConfig(r);
      core.engine.configure(core.config);
      core.derivation.configure(core.config);
      core.sequencer.configure(core.config);
      core.engine.readFrom(r);
      core.derivation.readFrom(r);
      core.finalizer.readFrom(r);
      core.sequencer.readFrom(r);
    }
    r.expectEnd("core snapshot");
    // The published status is a function of the state; recompute it instead of storing it.
    core.publishedStatus = core.currentStatus();
    return core;
  }

  /** SHA-256 of the canonical description of the whole state. */
  public Hash32 stateHash() {
    return StateDigest.of(this);
  }

  /** The status as last published. */
  public SyncStatus syncStatus() {
    return publishedStatus;
  }

  public long eventsApplied() {
    return eventsApplied;
  }

  /** Why the node halted, or empty while it runs. */
  public String haltReason() {
    return haltReason;
  }

  private void publishStatusIfChanged(Outbox out) {
    SyncStatus status = currentStatus();
    if (!status.equals(publishedStatus)) {
      publishedStatus = status;
      out.emit(new PublishSyncStatus(status));
    }
  }

  private SyncStatus currentStatus() {
    L2Heads h = engine.heads();
    return new SyncStatus(derivation.origin(), l1Heads.head(), l1Heads.safe(), l1Heads.finalized(), h.unsafe().ref(),
        h.pendingSafe().ref(), h.localSafe().ref(), h.safe().ref(), h.finalized().ref());
  }

  @Override
  public void describeTo(StateVisitor v) {
    v.beginObject("config");
    if (config != null) {
      v.value("l1ChainId", config.l1ChainId());
      v.value("l2ChainId", config.l2ChainId());
      v.value("mode", config.mode().name());
      v.value("syncMode", config.syncMode().name());
      // The full configuration is hashed through its canonical encoding.
      BinaryWriter encoded = new BinaryWriter();
      ValueCodec.write(encoded, config);
      v.value("encoding", Bytes.of(encoded.buffer(), 0, encoded.size()));
    }
    v.endObject();
    v.value("nowMillis", nowMillis);
    v.value("eventsApplied", eventsApplied);
    v.value("gossipMessagesReceived", gossipMessagesReceived);
    v.value("haltReason", haltReason);
    v.beginObject("requests");
    requests.describeTo(v);
    v.endObject();
    v.beginObject("l1");
    l1Heads.describeTo(v);
    v.endObject();
    v.beginObject("gossip");
    gossip.describeTo(v);
    v.endObject();
    if (config != null) {
      v.beginObject("engine");
      engine.describeTo(v);
      v.endObject();
      v.beginObject("derivation");
      derivation.describeTo(v);
      v.endObject();
      v.beginObject("finalizer");
      finalizer.describeTo(v);
      v.endObject();
      v.beginObject("sequencer");
      sequencer.describeTo(v);
      v.endObject();
    }
  }
}
