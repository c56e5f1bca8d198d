package dev.basalt.core.derive.pipeline.batches;

import dev.basalt.core.derive.pipeline.Pull;
import dev.basalt.core.derive.pipeline.StageState;
import dev.basalt.core.types.L1BlockRef;
import dev.basalt.core.types.L2BlockRef;

/** The batch queue (before Holocene) or the batch stage (from Holocene). */
interface BatchStageState extends StageState {
  Pull<NextBatch> nextBatch(L2BlockRef parent);

  void reset(L1BlockRef base);

  BatchOrigins origins();
}
