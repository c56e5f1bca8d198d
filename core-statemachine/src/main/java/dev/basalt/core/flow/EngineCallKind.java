package dev.basalt.core.flow;

/** Which engine-controller call a request is; answers are routed to the controller by it. */
public enum EngineCallKind {
  /** {@code engine_forkchoiceUpdated} without attributes. */
  FORKCHOICE,
  /** {@code engine_forkchoiceUpdated} with attributes: start building a block. */
  BUILD,
  GET_PAYLOAD,
  NEW_PAYLOAD,
  /** A block read from the engine (consolidation, sync start, finalization). */
  L2_BLOCK,
  /** An L1 block read during a sync start (is this L2 block's origin still canonical?). */
  L1_BLOCK,
  /** {@code conductor_commitUnsafePayload} of a sealed sequencer block (before it is published or inserted). */
  CONDUCTOR_COMMIT
}
