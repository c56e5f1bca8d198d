package dev.basalt.core;

/**
 * How the node brings its execution engine to the chain's tip (op-node's {@code --syncmode}).
 */
public enum SyncMode {
  /** Derive every block from L1 (and apply unsafe blocks on top): the engine never syncs itself. */
  CONSENSUS_LAYER,
  /**
   * When the engine has nothing finalized yet, let it sync itself to an unsafe target over its own
   * P2P network first, then derive from there. Never used to vouch for a safe head.
   */
  EXECUTION_LAYER
}
