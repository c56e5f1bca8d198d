package dev.basalt.core;

import dev.basalt.core.state.StateVisitor;

/**
 * Progress of a sync start: read the engine's heads, confirm them with a forkchoice update, then
 * either follow (engine {@code VALID}) or wait for the engine's own sync ({@code SYNCING}).
 */
final class SyncStart {
  enum Phase {
    /** No sync start has been attempted yet. */
    IDLE,
    /** Waiting for the engine's heads. */
    FETCHING_HEADS,
    /** Waiting for the forkchoice update that confirms them. */
    CONFIRMING_FORKCHOICE,
    /** A step failed; a wakeup will retry. */
    WAITING_TO_RETRY,
    /** The engine is syncing itself; its heads are not yet usable as a safe base. */
    ENGINE_SYNCING,
    /** Heads confirmed by the engine. */
    DONE
  }

  private Phase phase = Phase.IDLE;
  private long completed;

  void begin() {
    phase = Phase.FETCHING_HEADS;
  }

  void awaitForkchoice() {
    phase = Phase.CONFIRMING_FORKCHOICE;
  }

  void waitForRetry() {
    phase = Phase.WAITING_TO_RETRY;
  }

  void complete(boolean engineValid) {
    phase = engineValid ? Phase.DONE : Phase.ENGINE_SYNCING;
    completed++;
  }

  Phase phase() {
    return phase;
  }

  void writeTo(dev.basalt.core.codec.BinaryWriter w) {
    w.u8(phase.ordinal()).i64(completed);
  }

  void readFrom(dev.basalt.core.codec.BinaryReader r) {
    phase = r.enumValue(Phase.values(), "sync start phase");
    completed = r.u63("sync starts completed");
  }

  void describeTo(StateVisitor v) {
    v.value("phase", phase.name());
    v.value("completed", completed);
  }
}
