package dev.basalt.core.derive.pipeline.batches;

import dev.basalt.core.derive.pipeline.Pull;
import dev.basalt.core.types.L1BlockRef;
import dev.basalt.core.types.L2BlockRef;

/** The next batch to apply on a given safe head (op-node {@code SingularBatchProvider}). */
public interface SingularBatchSource {
  Pull<NextBatch> nextBatch(L2BlockRef parent);

  L1BlockRef origin();
}
