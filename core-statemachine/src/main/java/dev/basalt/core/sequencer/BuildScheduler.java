package dev.basalt.core.sequencer;

import dev.basalt.core.CoreConfig;
import dev.basalt.core.command.PublishPayload;
import dev.basalt.core.config.Fork;
import dev.basalt.core.config.RollupConfig;
import dev.basalt.core.derive.L2BlockInfo;
import dev.basalt.core.derive.PrepareOutcome;
import dev.basalt.core.derive.attributes.AttributesMemo;
import dev.basalt.core.derive.attributes.StatefulAttributesPreparer;
import dev.basalt.core.engine.PayloadAttributes;
import dev.basalt.core.engine.control.EngineController;
import dev.basalt.core.flow.Outbox;
import dev.basalt.core.flow.Signal;
import dev.basalt.core.flow.WakeupPurpose;
import dev.basalt.core.heads.L2Heads;
import dev.basalt.core.l1.L1Block;
import dev.basalt.core.types.Hash32;
import dev.basalt.core.types.L1BlockRef;
import dev.basalt.core.types.L2BlockRef;
import java.util.List;

/**
 * The sequencer's build loop: slot timing and build scheduling. It plans one action at a time at an
 * instant of the event clock ({@link SequencerState#nextActionMillis}, reached through a wakeup):
 * start a block (choose its L1 origin, prepare its attributes, ask the engine controller to build
 * on the unsafe head) or seal it {@code sealingDurationMillis} before its slot ends. It reacts to
 * the engine controller's signals, to unsafe-head changes made by others (derivation, resets), to
 * the max-safe-lag stall and to L1 answers for the origin choice.
 *
 * <p>Kept apart from the admin API ({@link SequencerAdmin}) because it is the part whose timing
 * decides which blocks exist; the admin API only switches it on and off.
 */
final class BuildScheduler {
  private final SequencerState state;
  private final SequencerAdmin admin;
  private CoreConfig config;
  private final AttributesMemo attributes;
  private StatefulAttributesPreparer preparer;

  BuildScheduler(SequencerState state, SequencerAdmin admin, AttributesMemo attributes) {
    this.state = state;
    this.admin = admin;
    this.attributes = attributes;
  }

  void configure(CoreConfig newConfig) {
    config = newConfig;
    preparer = new StatefulAttributesPreparer(config.rollup(), config.l1(), attributes);
  }

  private RollupConfig rollup() {
    return config.rollup();
  }

  private long blockTimeMillis() {
    return rollup().blockTimeSeconds() * 1000;
  }

  /** A reset was requested: queued engine tasks are dropped, nothing is built until it is confirmed. */
  void onResetRequested() {
    state.clearBuild();
    state.engineBusy = false;
    state.lastSealed = Hash32.ZERO;
    state.stalledByMaxSafeLag = false;
    state.armed = false;
    state.awaitingResetConfirm = true;
    state.waitingForOrigin = false;
    state.origins.reset();
  }

  /** The reset found the heads: wait a block time before sequencing (op-node keeps resets from looping hot). */
  void onResetConfirmed(Outbox out) {
    state.awaitingResetConfirm = false;
    state.armed = state.active && !state.stopPending;
    state.nextActionMillis = out.nowMillis() + blockTimeMillis();
  }

  void onSignal(Signal signal, Outbox out, L2Heads heads) {
    switch (signal) {
      case Signal.SequencerBuildStarted s -> {
        state.engineBusy = false;
        if (state.buildingOnto != null && state.buildingOnto.ref().hash().equals(s.parent())) {
          state.payloadId = s.payloadId();
          state.armed = state.active && !state.stopPending;
          long slotEndMillis = (state.buildingOnto.ref().timestamp() + rollup().blockTimeSeconds()) * 1000;
          state.nextActionMillis = Math.max(out.nowMillis(), slotEndMillis - config.sequencer().sealingDurationMillis());
          evalMaxSafeLag(heads, out);
        }
      }
      case Signal.SequencerBlockSealed s -> {
        state.lastSealed = s.block().ref().hash();
        state.blocksSealed++;
        out.emit(new PublishPayload(s.envelope(), s.signingHash()));
      }
      case Signal.SequencerBlockInserted s -> {
        state.engineBusy = false;
        state.clearBuild();
        scheduleNext(s.block().ref(), heads, out);
      }
      case Signal.SequencerCommitFailed f -> {
        // op-node: an engine-temporary error; keep the job and seal it again after a second.
        state.engineBusy = false;
        state.nextActionMillis = out.nowMillis() + Sequencer.COMMIT_RETRY_MILLIS;
        state.armed = state.active && !state.stopPending && !state.awaitingResetConfirm;
        evalMaxSafeLag(heads, out);
      }
      case Signal.SequencerBuildAborted a -> {
        state.engineBusy = false;
        state.clearBuild();
        if (a.stale()) {
          scheduleNext(heads.unsafe().ref(), heads, out);
        } else {
          // op-node handleInvalid: forget the job and try a fresh one a block time later.
          state.lastSealed = heads.unsafe().ref().hash();
          state.nextActionMillis = out.nowMillis() + blockTimeMillis();
          state.armed = state.active && !state.stopPending;
        }
      }
      default -> {}
    }
  }

  /** Plans the block after {@code head}: start one block time before its slot ends, or now when late. */
  private void scheduleNext(L2BlockRef head, L2Heads heads, Outbox out) {
    state.knownUnsafe = head;
    if (state.awaitingResetConfirm) {
      return;
    }
    state.armed = state.active && !state.stopPending;
    long slotEndMillis = (head.timestamp() + rollup().blockTimeSeconds()) * 1000;
    long now = out.nowMillis();
    state.nextActionMillis = slotEndMillis - now > blockTimeMillis() ? slotEndMillis - blockTimeMillis() : now;
    evalMaxSafeLag(heads, out);
  }

  /** Stalls while {@code unsafe - safe >= maxSafeLag}; resumes at once when the safe head catches up. */
  private void evalMaxSafeLag(L2Heads heads, Outbox out) {
    long lag = config.sequencer().maxSafeLag();
    if (lag > 0 && heads.safe().ref().number() + lag <= heads.unsafe().ref().number()) {
      state.armed = false;
      state.stalledByMaxSafeLag = true;
    } else if (state.stalledByMaxSafeLag) {
      state.stalledByMaxSafeLag = false;
      state.armed = state.active && !state.stopPending && !state.awaitingResetConfirm;
      state.nextActionMillis = out.nowMillis();
    }
  }

  void onL1Head() {
    state.origins.onL1Head();
  }

  void onL1Block(long correlationId, L1Block block, Outbox out) {
    if (state.origins.onL1Block(correlationId, block)) {
      originAnswered(out, 0);
    }
  }

  void onL1Failed(long correlationId, Outbox out) {
    if (state.origins.onFailed(correlationId)) {
      originAnswered(out, Sequencer.ORIGIN_RETRY_MILLIS);
    }
  }

  private void originAnswered(Outbox out, long delayMillis) {
    if (state.waitingForOrigin) {
      state.waitingForOrigin = false;
      state.armed = state.active && !state.stopPending && !state.awaitingResetConfirm && !state.stalledByMaxSafeLag;
      state.nextActionMillis = out.nowMillis() + delayMillis;
    }
  }

  void onWakeup(long correlationId) {
    if (correlationId == state.wakeupId) {
      state.wakeupId = 0;
    }
  }

  /**
   * Runs after every event's signals were delivered: follows unsafe-head changes made by others,
   * enforces the safe lag, completes a pending stop, then performs the action if it is due or makes
   * sure a wakeup is scheduled for it.
   */
  void afterEvent(EngineController engine, Outbox out, L1BlockRef l1Head) {
    L2Heads heads = engine.heads();
    L2BlockRef unsafe = heads.unsafe().ref();
    if (!unsafe.hash().equals(state.knownUnsafe.hash())) {
      if (state.buildingOnto != null && !state.buildingOnto.ref().hash().equals(unsafe.hash())
          && !state.engineBusy) {
        state.clearBuild();
      }
      if (state.active && state.buildingOnto == null) {
        scheduleNext(unsafe, heads, out);
      } else {
        state.knownUnsafe = unsafe;
        evalMaxSafeLag(heads, out);
      }
    } else {
      evalMaxSafeLag(heads, out);
    }
    if (state.stopPending && !state.engineBusy
        && (state.lastSealed.isZero() || state.lastSealed.equals(unsafe.hash()))) {
      admin.finishStop(unsafe, out);
    }
    if (!state.armed) {
      return;
    }
    if (state.nextActionMillis <= out.nowMillis()) {
      runAction(engine, out, l1Head);
    }
    if (state.armed && state.nextActionMillis > out.nowMillis()
        && (state.wakeupId == 0 || state.wakeupAtMillis != state.nextActionMillis)) {
      state.wakeupAtMillis = state.nextActionMillis;
      state.wakeupId = out.wakeup(WakeupPurpose.SEQUENCER_ACTION, state.nextActionMillis - out.nowMillis());
    }
  }

  private void runAction(EngineController engine, Outbox out, L1BlockRef l1Head) {
    if (!state.active || state.stopPending || state.engineBusy) {
      state.armed = false;
      return;
    }
    if (state.payloadId != null) {
      state.armed = false;
      state.engineBusy = true;
      long sealTimestamp = state.buildingOnto.ref().timestamp() + rollup().blockTimeSeconds();
      engine.sealSequenced(state.buildingOnto, state.payloadId, sealTimestamp, admin.conductorActive(), out, l1Head);
    } else if (state.buildingOnto == null) {
      startBuilding(engine, out, l1Head);
    } else {
      state.armed = false;
    }
  }

  private void startBuilding(EngineController engine, Outbox out, L1BlockRef l1Head) {
    L2BlockInfo parent = engine.heads().unsafe();
    if (parent == L2Heads.UNKNOWN) {
      state.armed = false;
      return;
    }
    OriginChoice choice =
        state.origins.choose(parent.ref(), rollup(), l1Head, config.sequencer().l1Confs(), state.recoverMode, out);
    switch (choice) {
      case OriginChoice.Wait w -> {
        state.armed = false;
        state.waitingForOrigin = true;
      }
      case OriginChoice.Retry r -> state.nextActionMillis = out.nowMillis() + Sequencer.ORIGIN_RETRY_MILLIS;
      case OriginChoice.Reset r -> {
        state.armed = false;
        out.signal(new Signal.ResetRequested("sequencer: " + r.why()));
      }
      case OriginChoice.Use u -> build(engine, parent, u.origin(), out, l1Head);
    }
  }

  private void build(EngineController engine, L2BlockInfo parent, L1Block origin, Outbox out, L1BlockRef l1Head) {
    long timestamp = parent.ref().timestamp() + rollup().blockTimeSeconds();
    switch (preparer.prepare(parent, origin, timestamp)) {
      case PrepareOutcome.Reset r -> {
        state.armed = false;
        out.signal(new Signal.ResetRequested("sequencer: " + r.reason()));
      }
      case PrepareOutcome.Critical c -> {
        state.armed = false;
        out.signal(new Signal.Halt("sequencer: " + c.reason()));
      }
      case PrepareOutcome.Prepared p -> {
        PayloadAttributes a = p.attributes();
        a = a.withTransactions(a.transactions(), noTxPool(timestamp, origin.ref()));
        state.buildingOnto = parent;
        state.payloadId = null;
        state.engineBusy = true;
        state.armed = false;
        engine.startSequencing(parent, a, out, l1Head);
      }
    }
  }

  /**
   * Only the forced transactions (op-node): past the sequencer drift, on the activation blocks of
   * the forks that carry upgrade transactions, and in recover mode.
   */
  private boolean noTxPool(long timestamp, L1BlockRef origin) {
    if (timestamp > origin.timestamp() + rollup().maxSequencerDrift(origin.timestamp()) || state.recoverMode) {
      return true;
    }
    for (Fork f : List.of(Fork.ECOTONE, Fork.FJORD, Fork.ISTHMUS, Fork.JOVIAN, Fork.KARST)) {
      if (rollup().isActivationBlock(f, timestamp)) {
        return true;
      }
    }
    return false;
  }
}
