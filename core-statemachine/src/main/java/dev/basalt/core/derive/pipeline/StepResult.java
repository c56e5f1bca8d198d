package dev.basalt.core.derive.pipeline;

import dev.basalt.core.derive.AttributesWithParent;
import dev.basalt.core.l1.IndexedBlobHash;
import dev.basalt.core.types.L1BlockRef;
import java.util.List;
import java.util.Objects;

/**
 * What one {@link DerivationPipeline#step()} achieved. Expected protocol outcomes are values here,
 * never exceptions, with kona's severities: {@link Reset} and {@link Critical} end derivation from
 * the current state; every {@code Need*} result is temporary and resolved by handing the pipeline
 * the named data.
 */
public sealed interface StepResult {

  /** The next block's attributes, on top of the confirmed safe head. */
  record Derived(AttributesWithParent attributes) implements StepResult {
    public Derived {
      Objects.requireNonNull(attributes, "attributes");
    }
  }

  /** The pipeline needs the canonical L1 block at {@code number}: answer with {@code addL1Block}. */
  record NeedL1Block(long number) implements StepResult {}

  /** The batcher blobs of {@code block}, in this order: answer with {@code addBlobs}. */
  record NeedBlobs(L1BlockRef block, List<IndexedBlobHash> hashes) implements StepResult {
    public NeedBlobs {
      Objects.requireNonNull(block, "block");
      hashes = List.copyOf(hashes);
    }
  }

  /** The canonical L2 block at {@code number} is missing from the {@code L2ChainView}. */
  record NeedL2Block(long number) implements StepResult {}

  /**
   * Everything up to and including {@code origin} has been consumed: derivation continues once the
   * L1 block after it is added (the core fetches it when its L1 head is past {@code origin}).
   */
  record Idle(L1BlockRef origin) implements StepResult {
    public Idle {
      Objects.requireNonNull(origin, "origin");
    }
  }

  /** The per-call work budget ran out while progress was still possible: call step again. */
  record Progress() implements StepResult {}

  /** Attributes were handed out and the engine has not confirmed the resulting safe head yet. */
  record WaitingForSafeHead(AttributesWithParent pending) implements StepResult {
    public WaitingForSafeHead {
      Objects.requireNonNull(pending, "pending");
    }
  }

  /** The inputs contradict the pipeline's state (an L1 reorg, a bad safe head): reset it. */
  record Reset(String reason) implements StepResult {
    public Reset {
      Objects.requireNonNull(reason, "reason");
    }
  }

  /** Derivation can never continue from these inputs: halt. */
  record Critical(String reason) implements StepResult {
    public Critical {
      Objects.requireNonNull(reason, "reason");
    }
  }
}
