package dev.basalt.core.derive.pipeline.batches;

import dev.basalt.core.codec.BinaryReader;
import dev.basalt.core.codec.BinaryWriter;
import dev.basalt.core.config.Fork;
import dev.basalt.core.config.RollupConfig;
import dev.basalt.core.derive.L2ChainView;
import dev.basalt.core.derive.pipeline.DropListener;
import dev.basalt.core.derive.pipeline.Pull;
import dev.basalt.core.derive.pipeline.StageState;
import dev.basalt.core.state.StateVisitor;
import dev.basalt.core.types.L1BlockRef;
import dev.basalt.core.types.L2BlockRef;

/**
 * op-node's {@code BatchMux}: the batch queue before Holocene, the batch stage from Holocene. A
 * reset picks by the reset origin's timestamp; crossing the activation while deriving replaces the
 * queue (its buffered and span batches are discarded) by a stage that keeps the queue's L1 window,
 * because the first Holocene channel still carries batches of pre-Holocene epochs.
 */
public final class BatchMux implements SingularBatchSource, StageState {
  private final RollupConfig config;
  private final BatchSource prev;
  private final L2ChainView l2;
  private final DropListener drops;
  private BatchStageState active;

  public BatchMux(RollupConfig config, BatchSource prev, L2ChainView l2, DropListener drops) {
    this.config = config;
    this.prev = prev;
    this.l2 = l2;
    this.drops = drops;
    this.active = new BatchQueue(config, prev, l2, drops);
  }

  @Override
  public L1BlockRef origin() {
    return prev.origin();
  }

  @Override
  public Pull<NextBatch> nextBatch(L2BlockRef parent) {
    return active.nextBatch(parent);
  }

  public boolean holoceneActive() {
    return active instanceof BatchStage;
  }

  /** The oldest L1 block a coming batch may use as its epoch, or null when none is held. */
  public L1BlockRef firstL1Block() {
    return active.origins().firstL1Block();
  }

  public void reset(L1BlockRef base) {
    active = config.isActive(Fork.HOLOCENE, base.timestamp())
        ? new BatchStage(config, prev, l2, drops)
        : new BatchQueue(config, prev, l2, drops);
    active.reset(base);
  }

  public void transformToHolocene() {
    BatchStage stage = new BatchStage(config, prev, l2, drops);
    stage.origins().takeOriginsFrom(active.origins());
    active = stage;
  }

  /**
   * Holocene's invalid-payload rule: drop the rest of the span batch and of its channel. Before
   * Holocene the engine never asks for this, and nothing is flushed.
   */
  public void flushChannel() {
    if (active instanceof BatchStage stage) {
      stage.flushChannel();
    }
  }

  @Override
  public void writeTo(BinaryWriter w) {
    w.bool(holoceneActive());
    active.writeTo(w);
  }

  @Override
  public void readFrom(BinaryReader r) {
    active = r.bool() ? new BatchStage(config, prev, l2, drops) : new BatchQueue(config, prev, l2, drops);
    active.readFrom(r);
  }

  @Override
  public void describeTo(StateVisitor v) {
    active.describeTo(v);
  }
}
