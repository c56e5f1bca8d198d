package dev.basalt.core.flow;

/** Why the core asked to be woken up; the wakeup is routed to the component by it. */
public enum WakeupPurpose {
  /** Retry the engine controller's current operation after a temporary failure. */
  ENGINE_RETRY,
  /** Retry a derivation fetch after a temporary failure. */
  DERIVATION_RETRY,
  /** Derivation used its work budget for one event; continue on a fresh event. */
  DERIVATION_CONTINUE,
  /** Ask the engine again whether its own (execution-layer) sync has finished. */
  EL_SYNC_POLL,
  /** The sequencer's next action is due: start building, or seal the block being built. */
  SEQUENCER_ACTION
}
