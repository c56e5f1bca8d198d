package dev.basalt.core.sequencer;

import dev.basalt.core.codec.BinaryReader;
import dev.basalt.core.codec.BinaryWriter;
import dev.basalt.core.codec.ValueCodec;
import dev.basalt.core.derive.L2BlockInfo;
import dev.basalt.core.engine.PayloadId;
import dev.basalt.core.heads.Refs;
import dev.basalt.core.state.StateVisitor;
import dev.basalt.core.types.Hash32;
import dev.basalt.core.types.L2BlockRef;

/**
 * Everything the {@link Sequencer} remembers between events, shared by its build loop ({@link
 * BuildScheduler}) and its admin API ({@link SequencerAdmin}). It is one value so that the
 * snapshot writes it in one fixed order: the byte layout of {@link #writeTo} is part of the
 * snapshot format and must not change without a snapshot version bump.
 */
final class SequencerState {
  final OriginSelector origins = new OriginSelector();
  boolean active;
  boolean recoverMode;
  /** The admin state was set by a previous start (only then may {@code keepAdminState} keep it). */
  boolean adminStateKnown;
  /** An action is planned at {@link #nextActionMillis}. */
  boolean armed;
  long nextActionMillis;
  long wakeupId;
  long wakeupAtMillis;
  boolean stalledByMaxSafeLag;
  boolean awaitingResetConfirm;
  boolean waitingForOrigin;
  /** The parent of the block in progress, or null. */
  L2BlockInfo buildingOnto;
  PayloadId payloadId;
  /** A start or seal task is with the engine controller; its outcome arrives as a signal. */
  boolean engineBusy;
  Hash32 lastSealed = Hash32.ZERO;
  L2BlockRef knownUnsafe = L2BlockRef.ZERO;
  boolean stopPending;
  long stopRequestId;
  long blocksSealed;
  /** {@code admin_overrideLeader} was called since the process started: conductor calls are skipped. */
  boolean conductorOverridden;

  void clearBuild() {
    buildingOnto = null;
    payloadId = null;
  }

  void writeTo(BinaryWriter w) {
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

  void readFrom(BinaryReader r) {
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

  void describeTo(StateVisitor v) {
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
