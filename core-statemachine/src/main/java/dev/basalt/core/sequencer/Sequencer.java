package dev.basalt.core.sequencer;

import dev.basalt.core.CoreConfig;
import dev.basalt.core.codec.BinaryReader;
import dev.basalt.core.codec.BinaryWriter;
import dev.basalt.core.codec.ValueCodec;
import dev.basalt.core.command.CheckConductorLeader;
import dev.basalt.core.command.PersistSequencerState;
import dev.basalt.core.command.PublishPayload;
import dev.basalt.core.command.RespondRpc;
import dev.basalt.core.config.Fork;
import dev.basalt.core.config.RollupConfig;
import dev.basalt.core.derive.L2BlockInfo;
import dev.basalt.core.derive.PrepareOutcome;
import dev.basalt.core.derive.attributes.StatefulAttributesPreparer;
import dev.basalt.core.engine.PayloadAttributes;
import dev.basalt.core.engine.PayloadId;
import dev.basalt.core.engine.control.EngineController;
import dev.basalt.core.flow.Outbox;
import dev.basalt.core.flow.Pending;
import dev.basalt.core.flow.Signal;
import dev.basalt.core.flow.WakeupPurpose;
import dev.basalt.core.heads.L2Heads;
import dev.basalt.core.heads.Refs;
import dev.basalt.core.l1.L1Block;
import dev.basalt.core.rpc.RpcOutcome;
import dev.basalt.core.state.StateVisitor;
import dev.basalt.core.types.Hash32;
import dev.basalt.core.types.L1BlockRef;
import dev.basalt.core.types.L2BlockRef;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Produces the unsafe chain in sequencer mode (op-node {@code sequencing.Sequencer}): one action at
 * a time, each at a planned instant of the event clock. Starting a block means choosing its L1
 * origin, preparing its attributes and asking the engine controller to start a build on the unsafe
 * head; sealing means asking the controller to seal, publish and insert it {@code
 * sealingDurationMillis} before its slot ends. After each block the next build starts one block
 * time before the next slot ends, or at once when the sequencer is late, so a lagging sequencer
 * catches up; a block is only ever built on the current unsafe head, so a slot never gets two.
 *
 * <p>Derivation keeps running beside it exactly as for a validator; any change of the unsafe head
 * not made by the sequencer (a derived block replacing the tip, a reset) drops the build in progress
 * and plans again on the new head. Admin requests start and stop it, query it and set recover mode;
 * its state is part of the core's state, so it survives restarts through snapshots and the journal.
 *
 * <p>Under op-conductor ({@link dev.basalt.core.SequencerConfig#conductorEnabled()}) every sealed
 * block is committed to the conductor before it is published or inserted, and a start asks the
 * conductor for leadership first; {@code admin_overrideLeader} skips both until the next restart
 * (op-node's disaster-recovery override, held in memory only).
 */
public final class Sequencer {
  /** JSON-RPC "server error", as op-node answers admin errors. */
  public static final int RPC_SERVER_ERROR = -32000;

  /** op-node retries a failed origin lookup after a second. */
  static final long ORIGIN_RETRY_MILLIS = 1_000;

  /** op-node backs off a second after a temporary error, such as a failed conductor commit. */
  static final long COMMIT_RETRY_MILLIS = 1_000;

  private final OriginSelector origins = new OriginSelector();
  private CoreConfig config;
  private StatefulAttributesPreparer preparer;
  private boolean active;
  private boolean recoverMode;
  /** The admin state was set by a previous start (only then may {@code keepAdminState} keep it). */
  private boolean adminStateKnown;
  private boolean armed;
  private long nextActionMillis;
  private long wakeupId;
  private long wakeupAtMillis;
  private boolean stalledByMaxSafeLag;
  private boolean awaitingResetConfirm;
  private boolean waitingForOrigin;
  /** The parent of the block in progress, or null. */
  private L2BlockInfo buildingOnto;
  private PayloadId payloadId;
  /** A start or seal task is with the engine controller; its outcome arrives as a signal. */
  private boolean engineBusy;
  private Hash32 lastSealed = Hash32.ZERO;
  private L2BlockRef knownUnsafe = L2BlockRef.ZERO;
  private boolean stopPending;
  private long stopRequestId;
  private long blocksSealed;
  /** {@code admin_overrideLeader} was called since the process started: conductor calls are skipped. */
  private boolean conductorOverridden;

  public void configure(CoreConfig newConfig) {
    config = Objects.requireNonNull(newConfig, "config");
    preparer = new StatefulAttributesPreparer(config.rollup(), config.l1());
  }

  public boolean enabled() {
    return config != null && config.sequencing();
  }

  public boolean active() {
    return active;
  }

  /**
   * A (re)start: every request died with the process and the engine controller starts with a sync
   * start. The started/stopped and recover state comes from the configuration, unless {@code
   * keepAdminState} keeps what the admin API left.
   */
  public void onNodeStarted() {
    if (!enabled()) {
      active = false;
      return;
    }
    if (!(config.sequencer().keepAdminState() && adminStateKnown)) {
      active = !config.sequencer().startStopped();
      recoverMode = config.sequencer().recoverMode();
    }
    adminStateKnown = true;
    conductorOverridden = false;
    origins.reset();
    clearBuild();
    engineBusy = false;
    waitingForOrigin = false;
    wakeupId = 0;
    armed = false;
    stalledByMaxSafeLag = false;
    stopPending = false;
    lastSealed = Hash32.ZERO;
    awaitingResetConfirm = true;
  }

  /** Blocks are committed to op-conductor and starts need its leadership (unless overridden). */
  private boolean conductorActive() {
    return config.sequencer().conductorEnabled() && !conductorOverridden;
  }

  private void clearBuild() {
    buildingOnto = null;
    payloadId = null;
  }

  private RollupConfig rollup() {
    return config.rollup();
  }

  private long blockTimeMillis() {
    return rollup().blockTimeSeconds() * 1000;
  }

  // ---------------------------------------------------------------- signals from other components

  /** A reset was requested: queued engine tasks are dropped, nothing is built until it is confirmed. */
  public void onResetRequested() {
    if (!enabled()) {
      return;
    }
    clearBuild();
    engineBusy = false;
    lastSealed = Hash32.ZERO;
    stalledByMaxSafeLag = false;
    armed = false;
    awaitingResetConfirm = true;
    waitingForOrigin = false;
    origins.reset();
  }

  /** The reset found the heads: wait a block time before sequencing (op-node keeps resets from looping hot). */
  public void onResetConfirmed(Outbox out) {
    if (!enabled()) {
      return;
    }
    awaitingResetConfirm = false;
    armed = active && !stopPending;
    nextActionMillis = out.nowMillis() + blockTimeMillis();
  }

  public void onSignal(Signal signal, Outbox out, L2Heads heads) {
    switch (signal) {
      case Signal.SequencerBuildStarted s -> {
        engineBusy = false;
        if (buildingOnto != null && buildingOnto.ref().hash().equals(s.parent())) {
          payloadId = s.payloadId();
          armed = active && !stopPending;
          long slotEndMillis = (buildingOnto.ref().timestamp() + rollup().blockTimeSeconds()) * 1000;
          nextActionMillis = Math.max(out.nowMillis(), slotEndMillis - config.sequencer().sealingDurationMillis());
          evalMaxSafeLag(heads, out);
        }
      }
      case Signal.SequencerBlockSealed s -> {
        lastSealed = s.block().ref().hash();
        blocksSealed++;
        out.emit(new PublishPayload(s.envelope(), s.signingHash()));
      }
      case Signal.SequencerBlockInserted s -> {
        engineBusy = false;
        clearBuild();
        scheduleNext(s.block().ref(), heads, out);
      }
      case Signal.SequencerCommitFailed f -> {
        // op-node: an engine-temporary error; keep the job and seal it again after a second.
        engineBusy = false;
        nextActionMillis = out.nowMillis() + COMMIT_RETRY_MILLIS;
        armed = active && !stopPending && !awaitingResetConfirm;
        evalMaxSafeLag(heads, out);
      }
      case Signal.SequencerBuildAborted a -> {
        engineBusy = false;
        clearBuild();
        if (a.stale()) {
          scheduleNext(heads.unsafe().ref(), heads, out);
        } else {
          // op-node handleInvalid: forget the job and try a fresh one a block time later.
          lastSealed = heads.unsafe().ref().hash();
          nextActionMillis = out.nowMillis() + blockTimeMillis();
          armed = active && !stopPending;
        }
      }
      default -> {}
    }
  }

  /** Plans the block after {@code head}: start one block time before its slot ends, or now when late. */
  private void scheduleNext(L2BlockRef head, L2Heads heads, Outbox out) {
    knownUnsafe = head;
    if (awaitingResetConfirm) {
      return;
    }
    armed = active && !stopPending;
    long slotEndMillis = (head.timestamp() + rollup().blockTimeSeconds()) * 1000;
    long now = out.nowMillis();
    nextActionMillis = slotEndMillis - now > blockTimeMillis() ? slotEndMillis - blockTimeMillis() : now;
    evalMaxSafeLag(heads, out);
  }

  /** Stalls while {@code unsafe - safe >= maxSafeLag}; resumes at once when the safe head catches up. */
  private void evalMaxSafeLag(L2Heads heads, Outbox out) {
    long lag = config.sequencer().maxSafeLag();
    if (lag > 0 && heads.safe().ref().number() + lag <= heads.unsafe().ref().number()) {
      armed = false;
      stalledByMaxSafeLag = true;
    } else if (stalledByMaxSafeLag) {
      stalledByMaxSafeLag = false;
      armed = active && !stopPending && !awaitingResetConfirm;
      nextActionMillis = out.nowMillis();
    }
  }

  // ---------------------------------------------------------------- answers and the clock

  public void onL1Head() {
    origins.onL1Head();
  }

  public void onL1Block(long correlationId, L1Block block, Outbox out) {
    if (origins.onL1Block(correlationId, block)) {
      originAnswered(out, 0);
    }
  }

  public void onL1Failed(long correlationId, Outbox out) {
    if (origins.onFailed(correlationId)) {
      originAnswered(out, ORIGIN_RETRY_MILLIS);
    }
  }

  private void originAnswered(Outbox out, long delayMillis) {
    if (waitingForOrigin) {
      waitingForOrigin = false;
      armed = active && !stopPending && !awaitingResetConfirm && !stalledByMaxSafeLag;
      nextActionMillis = out.nowMillis() + delayMillis;
    }
  }

  public void onWakeup(long correlationId) {
    if (correlationId == wakeupId) {
      wakeupId = 0;
    }
  }

  /**
   * Runs after every event's signals were delivered: follows unsafe-head changes made by others,
   * enforces the safe lag, completes a pending stop, then performs the action if it is due or makes
   * sure a wakeup is scheduled for it.
   */
  public void afterEvent(EngineController engine, Outbox out, L1BlockRef l1Head) {
    if (!enabled()) {
      return;
    }
    L2Heads heads = engine.heads();
    L2BlockRef unsafe = heads.unsafe().ref();
    if (!unsafe.hash().equals(knownUnsafe.hash())) {
      if (buildingOnto != null && !buildingOnto.ref().hash().equals(unsafe.hash()) && !engineBusy) {
        clearBuild();
      }
      if (active && buildingOnto == null) {
        scheduleNext(unsafe, heads, out);
      } else {
        knownUnsafe = unsafe;
        evalMaxSafeLag(heads, out);
      }
    } else {
      evalMaxSafeLag(heads, out);
    }
    if (stopPending && !engineBusy && (lastSealed.isZero() || lastSealed.equals(unsafe.hash()))) {
      finishStop(unsafe, out);
    }
    if (!armed) {
      return;
    }
    if (nextActionMillis <= out.nowMillis()) {
      runAction(engine, out, l1Head);
    }
    if (armed && nextActionMillis > out.nowMillis() && (wakeupId == 0 || wakeupAtMillis != nextActionMillis)) {
      wakeupAtMillis = nextActionMillis;
      wakeupId = out.wakeup(WakeupPurpose.SEQUENCER_ACTION, nextActionMillis - out.nowMillis());
    }
  }

  private void runAction(EngineController engine, Outbox out, L1BlockRef l1Head) {
    if (!active || stopPending || engineBusy) {
      armed = false;
      return;
    }
    if (payloadId != null) {
      armed = false;
      engineBusy = true;
      engine.sealSequenced(buildingOnto, payloadId, buildingOnto.ref().timestamp() + rollup().blockTimeSeconds(),
          conductorActive(), out, l1Head);
    } else if (buildingOnto == null) {
      startBuilding(engine, out, l1Head);
    } else {
      armed = false;
    }
  }

  private void startBuilding(EngineController engine, Outbox out, L1BlockRef l1Head) {
    L2BlockInfo parent = engine.heads().unsafe();
    if (parent == L2Heads.UNKNOWN) {
      armed = false;
      return;
    }
    OriginChoice choice = origins.choose(parent.ref(), rollup(), l1Head, config.sequencer().l1Confs(), recoverMode, out);
    switch (choice) {
      case OriginChoice.Wait w -> {
        armed = false;
        waitingForOrigin = true;
      }
      case OriginChoice.Retry r -> nextActionMillis = out.nowMillis() + ORIGIN_RETRY_MILLIS;
      case OriginChoice.Reset r -> {
        armed = false;
        out.signal(new Signal.ResetRequested("sequencer: " + r.why()));
      }
      case OriginChoice.Use u -> build(engine, parent, u.origin(), out, l1Head);
    }
  }

  private void build(EngineController engine, L2BlockInfo parent, L1Block origin, Outbox out, L1BlockRef l1Head) {
    long timestamp = parent.ref().timestamp() + rollup().blockTimeSeconds();
    switch (preparer.prepare(parent, origin, timestamp)) {
      case PrepareOutcome.Reset r -> {
        armed = false;
        out.signal(new Signal.ResetRequested("sequencer: " + r.reason()));
      }
      case PrepareOutcome.Critical c -> {
        armed = false;
        out.signal(new Signal.Halt("sequencer: " + c.reason()));
      }
      case PrepareOutcome.Prepared p -> {
        PayloadAttributes a = p.attributes();
        a = a.withTransactions(a.transactions(), noTxPool(timestamp, origin.ref()));
        buildingOnto = parent;
        payloadId = null;
        engineBusy = true;
        armed = false;
        engine.startSequencing(parent, a, out, l1Head);
      }
    }
  }

  /**
   * Only the forced transactions (op-node): past the sequencer drift, on the activation blocks of
   * the forks that carry upgrade transactions, and in recover mode.
   */
  private boolean noTxPool(long timestamp, L1BlockRef origin) {
    if (timestamp > origin.timestamp() + rollup().maxSequencerDrift(origin.timestamp()) || recoverMode) {
      return true;
    }
    for (Fork f : List.of(Fork.ECOTONE, Fork.FJORD, Fork.ISTHMUS, Fork.JOVIAN, Fork.KARST)) {
      if (rollup().isActivationBlock(f, timestamp)) {
        return true;
      }
    }
    return false;
  }

  // ---------------------------------------------------------------- admin API

  private static RpcOutcome fail(String message) {
    return new RpcOutcome.Failure(RPC_SERVER_ERROR, message);
  }

  private static final RpcOutcome NULL = new RpcOutcome.Success("null");

  /**
   * {@code admin_startSequencer}: under op-conductor the conductor is asked for leadership first
   * and the answer comes with its reply ({@link #onLeaderChecked}); empty then. Otherwise at once.
   */
  public Optional<RpcOutcome> start(long requestId, Hash32 head, L2Heads heads, Outbox out) {
    if (!enabled()) {
      return Optional.of(fail("sequencer is not enabled"));
    }
    if (conductorActive()) {
      out.request(new Pending.SequencerLeaderCheck(requestId, head), CheckConductorLeader::new);
      return Optional.empty();
    }
    return Optional.of(startOn(head, heads, out));
  }

  /**
   * The conductor's answer for a start: {@code leader} is empty when it could not be asked
   * ({@code failure} says why). Answers the start request.
   */
  public void onLeaderChecked(Pending.SequencerLeaderCheck check, Optional<Boolean> leader, String failure, L2Heads heads,
      Outbox out) {
    RpcOutcome outcome;
    if (leader.isEmpty()) {
      outcome = fail("sequencer leader check failed: " + failure);
    } else if (!leader.get()) {
      outcome = fail("sequencer is not the leader, aborting");
    } else {
      outcome = startOn(check.head(), heads, out);
    }
    out.emit(new RespondRpc(check.requestId(), outcome));
  }

  /** Starts on top of {@code head}, which must be the current unsafe head, and only when stopped. */
  private RpcOutcome startOn(Hash32 head, L2Heads heads, Outbox out) {
    if (active) {
      return fail("sequencer already running");
    }
    L2BlockRef unsafe = heads.unsafe().ref();
    if (heads.unsafe() == L2Heads.UNKNOWN) {
      return fail("no prestate, cannot determine if sequencer start at " + head + " is safe");
    }
    if (!head.equals(unsafe.hash())) {
      return fail("block hash does not match: head " + unsafe + ", received " + head);
    }
    active = true;
    clearBuild();
    stalledByMaxSafeLag = false;
    knownUnsafe = unsafe;
    armed = !awaitingResetConfirm && !engineBusy;
    nextActionMillis = out.nowMillis();
    out.emit(new PersistSequencerState(true));
    return NULL;
  }

  /**
   * {@code admin_stopSequencer}: answered at once, or, when a sealed block is still on its way to
   * becoming the unsafe head, as soon as it is (op-node waits for the head to reach the last sealed
   * block). A build not sealed yet is abandoned. Empty when the answer is deferred.
   */
  public Optional<RpcOutcome> stop(long requestId, L2Heads heads, Outbox out) {
    if (!enabled()) {
      return Optional.of(fail("sequencer is not enabled"));
    }
    if (!active || stopPending) {
      return Optional.of(fail("sequencer not running"));
    }
    stopPending = true;
    stopRequestId = requestId;
    armed = false;
    if (payloadId != null && !engineBusy) {
      clearBuild(); // started but not sealed: abandoned, as op-node wipes its building state
    }
    return Optional.empty();
  }

  private void finishStop(L2BlockRef unsafe, Outbox out) {
    stopPending = false;
    active = false;
    armed = false;
    stalledByMaxSafeLag = false;
    clearBuild();
    out.emit(new PersistSequencerState(false));
    out.emit(new RespondRpc(stopRequestId, new RpcOutcome.Success("\"" + unsafe.hash().toHex() + "\"")));
  }

  public RpcOutcome sequencerActive() {
    return new RpcOutcome.Success(enabled() && active ? "true" : "false");
  }

  public RpcOutcome setRecoverMode(boolean enabled) {
    if (!enabled()) {
      return fail("sequencer is not enabled");
    }
    recoverMode = enabled;
    return NULL;
  }

  /** {@code admin_overrideLeader}: act as leader without the conductor until the process restarts. */
  public RpcOutcome overrideLeader() {
    if (!enabled()) {
      return fail("sequencer is not enabled");
    }
    conductorOverridden = true;
    return NULL;
  }

  /** {@code admin_conductorEnabled}. */
  public RpcOutcome conductorEnabled() {
    return new RpcOutcome.Success(enabled() && config.sequencer().conductorEnabled() ? "true" : "false");
  }

  public boolean recoverMode() {
    return recoverMode;
  }

  public long blocksSealed() {
    return blocksSealed;
  }

  // ---------------------------------------------------------------- state

  public void writeTo(BinaryWriter w) {
    w.bool(active).bool(recoverMode).bool(adminStateKnown).bool(armed).i64(nextActionMillis).i64(wakeupId).i64(wakeupAtMillis);
    w.bool(stalledByMaxSafeLag).bool(awaitingResetConfirm).bool(waitingForOrigin);
    w.bool(buildingOnto != null);
    if (buildingOnto != null) {
      dev.basalt.core.derive.pipeline.PipelineCodec.writeL2BlockInfo(w, buildingOnto);
    }
    w.bool(payloadId != null);
    if (payloadId != null) {
      w.i64(payloadId.value());
    }
    w.bool(engineBusy).hash(lastSealed);
    ValueCodec.write(w, knownUnsafe);
    w.bool(stopPending).i64(stopRequestId).i64(blocksSealed).bool(conductorOverridden);
    origins.writeTo(w);
  }

  public void readFrom(BinaryReader r) {
    active = r.bool();
    recoverMode = r.bool();
    adminStateKnown = r.bool();
    armed = r.bool();
    nextActionMillis = r.i64();
    wakeupId = r.u63("sequencer wakeup id");
    wakeupAtMillis = r.i64();
    stalledByMaxSafeLag = r.bool();
    awaitingResetConfirm = r.bool();
    waitingForOrigin = r.bool();
    buildingOnto = r.bool() ? dev.basalt.core.derive.pipeline.PipelineCodec.readL2BlockInfo(r) : null;
    payloadId = r.bool() ? new PayloadId(r.i64()) : null;
    engineBusy = r.bool();
    lastSealed = r.hash();
    knownUnsafe = ValueCodec.readL2BlockRef(r);
    stopPending = r.bool();
    stopRequestId = r.i64();
    blocksSealed = r.u63("blocks sealed");
    conductorOverridden = r.bool();
    origins.readFrom(r);
  }

  public void describeTo(StateVisitor v) {
    v.value("active", active);
    v.value("recoverMode", recoverMode);
    v.value("adminStateKnown", adminStateKnown);
    v.value("armed", armed);
    v.value("nextActionMillis", nextActionMillis);
    v.value("wakeupId", wakeupId);
    v.value("wakeupAtMillis", wakeupAtMillis);
    v.value("stalledByMaxSafeLag", stalledByMaxSafeLag);
    v.value("awaitingResetConfirm", awaitingResetConfirm);
    v.value("waitingForOrigin", waitingForOrigin);
    Refs.describe(v, "buildingOnto", buildingOnto == null ? L2BlockRef.ZERO : buildingOnto.ref());
    v.value("payloadId", payloadId == null ? "" : payloadId.toHex());
    v.value("engineBusy", engineBusy);
    v.value("lastSealed", lastSealed.toHex());
    Refs.describe(v, "knownUnsafe", knownUnsafe);
    v.value("stopPending", stopPending);
    v.value("stopRequestId", stopRequestId);
    v.value("blocksSealed", blocksSealed);
    v.value("conductorOverridden", conductorOverridden);
    origins.describeTo(v);
  }
}
