package dev.basalt.core.derive.pipeline.batches;

import dev.basalt.core.derive.batch.SingularBatch;
import java.util.Objects;

/**
 * The next batch to build on the safe head, its parent hash set.
 *
 * @param lastInSpan true for a singular batch, for the last block of a span batch before Holocene,
 *     and for every batch from Holocene (op-node's batch stage: each block is safe at once)
 */
public record NextBatch(SingularBatch batch, boolean lastInSpan) {
  public NextBatch {
    Objects.requireNonNull(batch, "batch");
  }
}
