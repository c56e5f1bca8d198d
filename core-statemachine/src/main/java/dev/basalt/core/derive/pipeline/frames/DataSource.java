package dev.basalt.core.derive.pipeline.frames;

import dev.basalt.core.derive.pipeline.Pull;
import dev.basalt.core.types.Bytes;
import dev.basalt.core.types.L1BlockRef;

/** Batcher transaction data, one transaction's worth at a time (op-node {@code NextDataProvider}). */
public interface DataSource {
  Pull<Bytes> nextData();

  /** The L1 block the data comes from: the pipeline's current origin. */
  L1BlockRef origin();
}
