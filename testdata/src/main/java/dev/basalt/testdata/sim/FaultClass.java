package dev.basalt.testdata.sim;

/** The kinds of trouble the simulator injects; the swarm must reach every one of them. */
public enum FaultClass {
  /** L1 reorg of 1..20 blocks, above or below the node's safe head's origin. */
  L1_REORG,
  /** L1 JSON-RPC errors for block and receipt reads. */
  L1_RPC_ERROR,
  /** L1 reads that time out. */
  L1_TIMEOUT,
  /** L1 and beacon answers that arrive late. */
  L1_DELAY,
  /** Beacon blob reads answering 404. */
  BLOB_NOT_FOUND,
  /** The L1 head poller sees nothing new for a while, then catches up at once. */
  L1_HEAD_STALL,
  /** The engine answers SYNCING for a number of calls. */
  ENGINE_SYNCING,
  /** Engine calls that time out. */
  ENGINE_TIMEOUT,
  /** Engine calls that take effect but whose answers are lost. */
  ENGINE_DROPPED,
  /** Engine calls answered late. */
  ENGINE_LATE,
  /** The engine restarts and loses the blocks it had not persisted. */
  ENGINE_RESTART,
  /** The node process dies (possibly with a torn journal tail) and restarts from its journal. */
  NODE_CRASH,
  /** The node's clock jumps: a long pause, then everything at once. */
  CLOCK_JUMP,
  /** The batcher posts garbage, unauthorised, duplicate, out-of-order frames and timed-out channels. */
  BATCHER_MISBEHAVIOUR,
  /**
   * Sequencer mode only: op-conductor guards the sequencer (a step-0 entry switches it on); later
   * entries fail or hang commits, or take leadership away for a few steps and give it back.
   */
  CONDUCTOR;

  /** Whether a node in {@code mode} can meet this fault (a validator has no conductor). */
  public boolean appliesTo(dev.basalt.core.NodeMode mode) {
    return this != CONDUCTOR || mode == dev.basalt.core.NodeMode.SEQUENCER;
  }
}
