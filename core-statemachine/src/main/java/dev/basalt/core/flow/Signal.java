package dev.basalt.core.flow;

import dev.basalt.core.derive.AttributesWithParent;
import dev.basalt.core.derive.L2BlockInfo;
import dev.basalt.core.engine.ExecutionPayloadEnvelope;
import dev.basalt.core.engine.PayloadId;
import dev.basalt.core.types.Hash32;
import dev.basalt.core.types.L1BlockRef;
import dev.basalt.core.types.L2BlockRef;
import java.util.Objects;
import java.util.Optional;

/**
 * Something one component of the core tells the others while an event is applied (op-node's
 * internal events: {@code derived-attributes}, {@code safe-derived}, {@code reset-event}, ...).
 * Signals are queued and delivered in FIFO order after the component that raised them has
 * returned, so no component is ever re-entered; the queue is empty between input events, so
 * signals are never part of the state.
 */
public sealed interface Signal {

  /** The pipeline derived the next block's attributes: hand them to the engine controller. */
  record DerivedAttributes(AttributesWithParent attributes) implements Signal {
    public DerivedAttributes {
      Objects.requireNonNull(attributes, "attributes");
    }
  }

  /**
   * The engine controller made derived attributes canonical: {@code pendingSafe} is the new block,
   * and {@code newSafe} is present when it concluded a span batch and so became (local-)safe.
   */
  record AttributesProcessed(L2BlockInfo pendingSafe, Optional<L2BlockInfo> newSafe, L1BlockRef derivedFrom)
      implements Signal {
    public AttributesProcessed {
      Objects.requireNonNull(pendingSafe, "pendingSafe");
      Objects.requireNonNull(newSafe, "newSafe");
      Objects.requireNonNull(derivedFrom, "derivedFrom");
    }
  }

  /** Derived attributes were invalid before Holocene and dropped; derivation goes on from here. */
  record AttributesDropped(L2BlockInfo pendingSafe) implements Signal {
    public AttributesDropped {
      Objects.requireNonNull(pendingSafe, "pendingSafe");
    }
  }

  /** Holocene: the block was replaced by a deposits-only one; drop the rest of its channel. */
  record FlushChannel() implements Signal {}

  /** Heads and pipeline must be found again from the engine and L1 (op-node {@code ResetEvent}). */
  record ResetRequested(String reason) implements Signal {
    public ResetRequested {
      Objects.requireNonNull(reason, "reason");
    }
  }

  /** The engine accepted the heads a reset found; derivation restarts on {@code safe}. */
  record ResetConfirmed(L2BlockInfo safe) implements Signal {
    public ResetConfirmed {
      Objects.requireNonNull(safe, "safe");
    }
  }

  /** Derivation consumed everything up to {@code origin} (op-node {@code DeriverIdleEvent}). */
  record DerivationIdle(L1BlockRef origin) implements Signal {
    public DerivationIdle {
      Objects.requireNonNull(origin, "origin");
    }
  }

  /** The finalizer found {@code block} derived from finalized L1 data. */
  record FinalizeRequested(L2BlockRef block) implements Signal {
    public FinalizeRequested {
      Objects.requireNonNull(block, "block");
    }
  }

  /** The engine controller made {@code block} canonical (derived or posted). */
  record BlockCanonical(L2BlockInfo block) implements Signal {
    public BlockCanonical {
      Objects.requireNonNull(block, "block");
    }
  }

  /** Derivation can never continue: stop the node with this reason. */
  record Halt(String reason) implements Signal {
    public Halt {
      Objects.requireNonNull(reason, "reason");
    }
  }

  /** The engine started building the sequencer's block on {@code parent} as job {@code payloadId}. */
  record SequencerBuildStarted(Hash32 parent, PayloadId payloadId) implements Signal {
    public SequencerBuildStarted {
      Objects.requireNonNull(parent, "parent");
      Objects.requireNonNull(payloadId, "payloadId");
    }
  }

  /** The sequencer's block was sealed ({@code getPayload}): publish it now, before inserting it. */
  record SequencerBlockSealed(ExecutionPayloadEnvelope envelope, L2BlockInfo block, Hash32 signingHash) implements Signal {
    public SequencerBlockSealed {
      Objects.requireNonNull(envelope, "envelope");
      Objects.requireNonNull(block, "block");
      Objects.requireNonNull(signingHash, "signingHash");
    }
  }

  /** The sequencer's sealed block is the canonical unsafe head. */
  record SequencerBlockInserted(L2BlockInfo block) implements Signal {
    public SequencerBlockInserted {
      Objects.requireNonNull(block, "block");
    }
  }

  /**
   * The sequencer's build or seal was given up: {@code stale} when the unsafe head moved off its
   * parent (build on the new head), otherwise the engine refused it (retry after a block time).
   */
  record SequencerBuildAborted(String reason, boolean stale) implements Signal {
    public SequencerBuildAborted {
      Objects.requireNonNull(reason, "reason");
    }
  }

  /**
   * op-conductor did not commit the sealed block: it was neither published nor inserted. The build
   * job stays; the sequencer seals it again after a second (op-node's temporary-error backoff).
   */
  record SequencerCommitFailed(String reason) implements Signal {
    public SequencerCommitFailed {
      Objects.requireNonNull(reason, "reason");
    }
  }
}
