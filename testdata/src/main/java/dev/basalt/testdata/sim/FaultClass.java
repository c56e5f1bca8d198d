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
  CONDUCTOR,
  /**
   * Validator only, a property of the world (a step-0 entry): honest peers gossip every block the
   * world's sequencer seals, signed, shortly after it seals it; size: the largest relay latency in
   * 100 ms. Not a fault: a validator without it runs as with {@code --p2p.disabled}.
   */
  GOSSIP_PEERS,
  /** A peer sends blocks the node already saw again (as new messages). */
  GOSSIP_DUPLICATE,
  /** Blocks signed by a stranger or with a damaged signature. */
  GOSSIP_BAD_SIGNATURE,
  /** Validly signed blocks more than 60 s old, or more than 5 s in the future. */
  GOSSIP_OUT_OF_WINDOW,
  /**
   * Validator only: the signer's key signs other blocks at the height of the next true block, sent
   * ahead of it; the node may adopt one as its unsafe head until derivation replaces it. (A
   * sequencer's key is its own: a second signer is a conductor matter, not gossip.)
   */
  GOSSIP_EQUIVOCATION,
  /** Many messages of every kind in one step. */
  GOSSIP_FLOOD,
  /**
   * Validator only: the SystemConfig owner rotates the unsafe-block signer on L1 and the sequencer
   * signs with the new key at once; the node learns the new signer when its runtime-config loader
   * next reads L1 (size: that many L1 block times later, or at a restart). Until then the new
   * signer's blocks are rejected; after it the old signer's are.
   */
  GOSSIP_SIGNER_ROTATION,
  /**
   * Validator only: the signer's key signs a forged sibling of the next true block and then
   * children of it, one per height (size: the chain's length), each sent just ahead of the true
   * block; the node may follow the forged chain as its unsafe chain until derivation replaces it.
   */
  GOSSIP_EQUIVOCATING_CHAIN,
  /**
   * L1 finality lags: the finalized label stops following the head for a while (size: that many
   * steps), then jumps to its usual depth at once; the node's finalized head must stand still, never
   * go back, and then move on.
   */
  L1_FINALITY_LAG,
  /**
   * Validator only: the batch of a coming block carries one more transaction than the true block,
   * and the engine answers INVALID to any payload holding it (size: how many blocks ahead). From
   * Holocene on the node must replace that payload by its deposits-only block, which is the true
   * block. Holocene is judged by the L1 block the batch is read from, and before it the batch would
   * be dropped instead: the fault is injected only once L1's finalized block is past Holocene. The
   * world's batches come from the node itself in sequencer mode, so only a validator meets it.
   */
  ENGINE_INVALID;

  /** Whether a node in {@code mode} can meet this fault (a validator has no conductor, a sequencer no other block source). */
  public boolean appliesTo(dev.basalt.core.NodeMode mode) {
    return switch (this) {
      case CONDUCTOR -> mode == dev.basalt.core.NodeMode.SEQUENCER;
      case GOSSIP_PEERS, GOSSIP_EQUIVOCATION, GOSSIP_SIGNER_ROTATION, GOSSIP_EQUIVOCATING_CHAIN, ENGINE_INVALID ->
          mode != dev.basalt.core.NodeMode.SEQUENCER;
      default -> true;
    };
  }

  /** Block gossip, delivered by the simulator's peers rather than the world's answers. */
  public boolean gossip() {
    return name().startsWith("GOSSIP_");
  }
}
