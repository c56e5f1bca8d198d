package dev.basalt.core.derive.pipeline.batches;

import dev.basalt.core.derive.pipeline.Pull;
import dev.basalt.core.types.L1BlockRef;

/** Batches in channel order (op-node {@code NextBatchProvider}). */
public interface BatchSource {
  Pull<ChannelBatch> nextBatch();

  /** The L1 block the batches come from: the pipeline origin, their L1 inclusion block. */
  L1BlockRef origin();

  /** Holocene: drops the rest of the channel being read. */
  void flushChannel();
}
