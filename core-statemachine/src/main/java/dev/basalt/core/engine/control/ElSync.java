package dev.basalt.core.engine.control;

import dev.basalt.core.codec.BinaryReader;
import dev.basalt.core.codec.BinaryWriter;
import dev.basalt.core.codec.PayloadCodec;
import dev.basalt.core.command.RewindSafeHeads;
import dev.basalt.core.derive.L2BlockInfo;
import dev.basalt.core.derive.pipeline.PipelineCodec;
import dev.basalt.core.engine.ExecutionPayloadEnvelope;
import dev.basalt.core.flow.Backoff;
import dev.basalt.core.flow.Outbox;
import dev.basalt.core.flow.WakeupPurpose;
import dev.basalt.core.state.StateVisitor;

/**
 * Execution-layer sync (op-node {@code --syncmode execution-layer}): while the engine has nothing
 * finalized, posted unsafe blocks only steer the engine's own sync (forkchoice updates with zero
 * safe and finalized hashes, {@code SYNCING} accepted), derivation waits, and the sync is over when
 * the engine answers {@code VALID} for the target. Then the target becomes safe and finalized, as
 * op-node marks it, and a sync start takes over. Nothing here ever promotes a safe head on {@code
 * SYNCING}.
 */
final class ElSync {
  enum Phase {
    /** Not syncing: consensus-layer mode, or the engine's own sync is over. */
    OFF,
    /** Reading the engine's finalized block to decide whether to sync at all. */
    PROBING,
    /** The engine syncs itself towards the newest posted block. */
    SYNCING
  }

  private Phase phase = Phase.OFF;
  private ExecutionPayloadEnvelope target;
  private L2BlockInfo targetInfo;
  private long pollWakeupId;
  private final Backoff pollBackoff = new Backoff(1_000, 30_000);

  Phase phase() {
    return phase;
  }

  boolean active() {
    return phase != Phase.OFF;
  }

  boolean syncing() {
    return phase == Phase.SYNCING;
  }

  void reset() {
    phase = Phase.OFF;
    target = null;
    targetInfo = null;
    pollWakeupId = 0;
    pollBackoff.reset();
  }

  void probing() {
    reset();
    phase = Phase.PROBING;
  }

  /**
   * The engine has nothing finalized: sync it. op-node wipes the safe-head database here, because
   * heads an engine sync reaches were never derived.
   */
  void startSyncing(Outbox out) {
    phase = Phase.SYNCING;
    out.emit(new RewindSafeHeads(0));
  }

  ExecutionPayloadEnvelope target() {
    return target;
  }

  L2BlockInfo targetInfo() {
    return targetInfo;
  }

  /** A newer block to sync towards; older posts keep the current target. */
  boolean offerTarget(ExecutionPayloadEnvelope envelope, L2BlockInfo info) {
    if (targetInfo != null && info.ref().number() <= targetInfo.ref().number()) {
      return false;
    }
    target = envelope;
    targetInfo = info;
    return true;
  }

  void dropTarget(L2BlockInfo info) {
    if (targetInfo != null && targetInfo.ref().hash().equals(info.ref().hash())) {
      target = null;
      targetInfo = null;
    }
  }

  /** The engine still syncs: ask again later, with a growing pause. */
  void schedulePoll(Outbox out) {
    pollWakeupId = out.wakeup(WakeupPurpose.EL_SYNC_POLL, pollBackoff.nextDelayMillis());
  }

  /** True (once) when {@code wakeupId} is the poll this state waits for. */
  boolean pollDue(long wakeupId) {
    if (wakeupId == 0 || wakeupId != pollWakeupId) {
      return false;
    }
    pollWakeupId = 0;
    return true;
  }

  void writeTo(BinaryWriter w) {
    w.u8(phase.ordinal());
    w.bool(target != null);
    if (target != null) {
      PayloadCodec.write(w, target);
      PipelineCodec.writeL2BlockInfo(w, targetInfo);
    }
    w.i64(pollWakeupId);
    pollBackoff.writeTo(w);
  }

  void readFrom(BinaryReader r) {
    phase = r.enumValue(Phase.values(), "execution-layer sync phase");
    target = null;
    targetInfo = null;
    if (r.bool()) {
      target = PayloadCodec.readEnvelope(r);
      targetInfo = PipelineCodec.readL2BlockInfo(r);
    }
    pollWakeupId = r.u63("poll wakeup id");
    pollBackoff.readFrom(r);
  }

  void describeTo(StateVisitor v) {
    v.value("phase", phase.name());
    v.beginArray("target");
    if (targetInfo != null) {
      PipelineCodec.describeL2BlockInfo(v, null, targetInfo);
    }
    v.endArray();
    v.value("pollWakeupId", pollWakeupId);
    pollBackoff.describeTo(v, "pollFailures");
  }
}
