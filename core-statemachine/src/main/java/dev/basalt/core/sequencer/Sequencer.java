package dev.basalt.core.sequencer;

import dev.basalt.core.CoreConfig;
import dev.basalt.core.codec.BinaryReader;
import dev.basalt.core.codec.BinaryWriter;
import dev.basalt.core.engine.control.EngineController;
import dev.basalt.core.flow.Outbox;
import dev.basalt.core.flow.Pending;
import dev.basalt.core.flow.Signal;
import dev.basalt.core.heads.L2Heads;
import dev.basalt.core.l1.L1Block;
import dev.basalt.core.rpc.RpcOutcome;
import dev.basalt.core.state.StateVisitor;
import dev.basalt.core.types.Hash32;
import dev.basalt.core.types.L1BlockRef;
import dev.basalt.core.derive.attributes.AttributesMemo;
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
 *
 * <p>This class is the core's one entry point to sequencing; the work is split between the build
 * loop ({@link BuildScheduler}), the admin API ({@link SequencerAdmin}) and the L1 origin choice
 * ({@link OriginSelector}), which share one {@link SequencerState}.
 */
public final class Sequencer {
  /** JSON-RPC "server error", as op-node answers admin errors. */
  public static final int RPC_SERVER_ERROR = -32000;

  /** op-node retries a failed origin lookup after a second. */
  static final long ORIGIN_RETRY_MILLIS = 1_000;

  /** op-node backs off a second after a temporary error, such as a failed conductor commit. */
  static final long COMMIT_RETRY_MILLIS = 1_000;

  private final SequencerState state = new SequencerState();
  private final SequencerAdmin admin = new SequencerAdmin(state);
  private final BuildScheduler scheduler;
  private CoreConfig config;

  public Sequencer() {
    this(new AttributesMemo());
  }

  /** A sequencer preparing attributes through {@code attributes} (the same answers, remembered). */
  public Sequencer(AttributesMemo attributes) {
    this.scheduler = new BuildScheduler(state, admin, Objects.requireNonNull(attributes, "attributes"));
  }

  public void configure(CoreConfig newConfig) {
    config = Objects.requireNonNull(newConfig, "config");
    admin.configure(config);
    scheduler.configure(config);
  }

  public boolean enabled() {
    return config != null && config.sequencing();
  }

  public boolean active() {
    return state.active;
  }

  /**
   * A (re)start: every request died with the process and the engine controller starts with a sync
   * start. The started/stopped and recover state comes from the configuration, unless {@code
   * keepAdminState} keeps what the admin API left.
   */
  public void onNodeStarted() {
    if (!enabled()) {
      state.active = false;
      return;
    }
    if (!(config.sequencer().keepAdminState() && state.adminStateKnown)) {
      state.active = !config.sequencer().startStopped();
      state.recoverMode = config.sequencer().recoverMode();
    }
    state.adminStateKnown = true;
    state.conductorOverridden = false;
    state.origins.reset();
    state.clearBuild();
    state.engineBusy = false;
    state.waitingForOrigin = false;
    state.wakeupId = 0;
    state.armed = false;
    state.stalledByMaxSafeLag = false;
    state.stopPending = false;
    state.lastSealed = Hash32.ZERO;
    state.awaitingResetConfirm = true;
  }

  // ---------------------------------------------------------------- signals from other components

  /** A reset was requested: queued engine tasks are dropped, nothing is built until it is confirmed. */
  public void onResetRequested() {
    if (enabled()) {
      scheduler.onResetRequested();
    }
  }

  /** The reset found the heads: wait a block time before sequencing (op-node keeps resets from looping hot). */
  public void onResetConfirmed(Outbox out) {
    if (enabled()) {
      scheduler.onResetConfirmed(out);
    }
  }

  public void onSignal(Signal signal, Outbox out, L2Heads heads) {
    scheduler.onSignal(signal, out, heads);
  }

  // ---------------------------------------------------------------- answers and the clock

  public void onL1Head() {
    scheduler.onL1Head();
  }

  public void onL1Block(long correlationId, L1Block block, Outbox out) {
    scheduler.onL1Block(correlationId, block, out);
  }

  public void onL1Failed(long correlationId, Outbox out) {
    scheduler.onL1Failed(correlationId, out);
  }

  public void onWakeup(long correlationId) {
    scheduler.onWakeup(correlationId);
  }

  /**
   * Runs after every event's signals were delivered: follows unsafe-head changes made by others,
   * enforces the safe lag, completes a pending stop, then performs the action if it is due or makes
   * sure a wakeup is scheduled for it.
   */
  public void afterEvent(EngineController engine, Outbox out, L1BlockRef l1Head) {
    if (enabled()) {
      scheduler.afterEvent(engine, out, l1Head);
    }
  }

  // ---------------------------------------------------------------- admin API

  /**
   * {@code admin_startSequencer}: under op-conductor the conductor is asked for leadership first
   * and the answer comes with its reply ({@link #onLeaderChecked}); empty then. Otherwise at once.
   */
  public Optional<RpcOutcome> start(long requestId, Hash32 head, L2Heads heads, Outbox out) {
    return admin.start(requestId, head, heads, out);
  }

  /**
   * The conductor's answer for a start: {@code leader} is empty when it could not be asked
   * ({@code failure} says why). Answers the start request.
   */
  public void onLeaderChecked(Pending.SequencerLeaderCheck check, Optional<Boolean> leader, String failure, L2Heads heads,
      Outbox out) {
    admin.onLeaderChecked(check, leader, failure, heads, out);
  }

  /**
   * {@code admin_stopSequencer}: answered at once, or, when a sealed block is still on its way to
   * becoming the unsafe head, as soon as it is (op-node waits for the head to reach the last sealed
   * block). A build not sealed yet is abandoned. Empty when the answer is deferred.
   */
  public Optional<RpcOutcome> stop(long requestId, L2Heads heads, Outbox out) {
    return admin.stop(requestId, heads, out);
  }

  public RpcOutcome sequencerActive() {
    return admin.sequencerActive();
  }

  public RpcOutcome setRecoverMode(boolean enabled) {
    return admin.setRecoverMode(enabled);
  }

  /** {@code admin_overrideLeader}: act as leader without the conductor until the process restarts. */
  public RpcOutcome overrideLeader() {
    return admin.overrideLeader();
  }

  /** {@code admin_conductorEnabled}. */
  public RpcOutcome conductorEnabled() {
    return admin.conductorEnabled();
  }

  public boolean recoverMode() {
    return state.recoverMode;
  }

  public long blocksSealed() {
    return state.blocksSealed;
  }

  // ---------------------------------------------------------------- state

  public void writeTo(BinaryWriter w) {
    state.writeTo(w);
  }

  public void readFrom(BinaryReader r) {
    state.readFrom(r);
  }

  public void describeTo(StateVisitor v) {
    state.describeTo(v);
  }
}
