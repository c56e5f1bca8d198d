package dev.basalt.core.derive.pipeline.attributes;

import dev.basalt.core.codec.BinaryReader;
import dev.basalt.core.codec.BinaryWriter;
import dev.basalt.core.config.RollupConfig;
import dev.basalt.core.derive.AttributesPreparer;
import dev.basalt.core.derive.AttributesWithParent;
import dev.basalt.core.derive.L2BlockInfo;
import dev.basalt.core.derive.PrepareOutcome;
import dev.basalt.core.derive.batch.SingularBatch;
import dev.basalt.core.derive.pipeline.L1BlockCache;
import dev.basalt.core.derive.pipeline.PipelineCodec;
import dev.basalt.core.derive.pipeline.Pull;
import dev.basalt.core.derive.pipeline.StageState;
import dev.basalt.core.derive.pipeline.batches.NextBatch;
import dev.basalt.core.derive.pipeline.batches.SingularBatchSource;
import dev.basalt.core.engine.PayloadAttributes;
import dev.basalt.core.l1.L1Block;
import dev.basalt.core.state.StateVisitor;
import dev.basalt.core.types.Bytes;
import dev.basalt.core.types.L1BlockRef;
import java.util.ArrayList;
import java.util.List;

/**
 * op-node's {@code AttributesQueue}: turns the next batch into payload attributes on top of the
 * safe head. The protocol part (L1-info and user deposits, upgrade transactions, gas and fee
 * parameters) comes from the {@link AttributesPreparer}; the batch's transactions are appended
 * after it and {@code noTxPool} is set, because a verifier never takes transactions from a pool.
 * The batch is kept until its attributes are built, so a missing epoch block only delays it.
 */
public final class AttributesQueue implements StageState {
  private final RollupConfig config;
  private final SingularBatchSource prev;
  private final AttributesPreparer preparer;
  private final L1BlockCache blocks;
  private SingularBatch batch;
  private boolean lastInSpan;

  public AttributesQueue(RollupConfig config, SingularBatchSource prev, AttributesPreparer preparer, L1BlockCache blocks) {
    this.config = config;
    this.prev = prev;
    this.preparer = preparer;
    this.blocks = blocks;
  }

  public L1BlockRef origin() {
    return prev.origin();
  }

  public Pull<AttributesWithParent> nextAttributes(L2BlockInfo parent) {
    if (batch == null) {
      Pull<NextBatch> next = prev.nextBatch(parent.ref());
      if (!(next instanceof Pull.Value<NextBatch> v)) {
        return next.pass();
      }
      batch = v.value().batch();
      lastInSpan = v.value().lastInSpan();
    }
    Pull<PayloadAttributes> built = build(parent);
    if (!(built instanceof Pull.Value<PayloadAttributes> a)) {
      return built.pass();
    }
    AttributesWithParent out = new AttributesWithParent(a.value(), parent.ref(), origin(), lastInSpan);
    batch = null;
    lastInSpan = false;
    return Pull.value(out);
  }

  private Pull<PayloadAttributes> build(L2BlockInfo parent) {
    // The batch stages only hand out batches on this parent; anything else is an internal mismatch.
    if (!batch.parentHash().equals(parent.ref().hash())) {
      return Pull.reset("valid batch has parent " + batch.parentHash() + ", safe head is " + parent.ref().hash());
    }
    long expected = parent.ref().timestamp() + config.blockTimeSeconds();
    if (batch.timestamp() != expected) {
      return Pull.reset("valid batch has timestamp " + Long.toUnsignedString(batch.timestamp()) + ", expected " + expected);
    }
    L1Block epoch = blocks.get(batch.epochNumber());
    if (epoch == null) {
      return Pull.needL1Block(batch.epochNumber());
    }
    if (!epoch.ref().hash().equals(batch.epochHash())) {
      // op-node looks the epoch up by hash; a different block at that height is an L1 reorg.
      return Pull.reset("epoch " + batch.epoch() + " is no longer canonical (found " + epoch.ref() + ")");
    }
    return switch (preparer.prepare(parent, epoch, batch.timestamp())) {
      case PrepareOutcome.Prepared p -> {
        List<Bytes> txs = new ArrayList<>(p.attributes().transactions());
        txs.addAll(batch.transactions());
        yield Pull.value(p.attributes().withTransactions(txs, true));
      }
      case PrepareOutcome.Reset r -> Pull.reset(r.reason());
      case PrepareOutcome.Critical c -> Pull.critical(c.reason());
    };
  }

  /** The epoch number of the batch waiting for its attributes, or -1. */
  public long pendingEpoch() {
    return batch == null ? -1 : batch.epochNumber();
  }

  public void reset() {
    batch = null;
    lastInSpan = false;
  }

  @Override
  public void writeTo(BinaryWriter w) {
    w.bool(batch != null);
    if (batch != null) {
      PipelineCodec.writeSingular(w, batch);
      w.bool(lastInSpan);
    }
  }

  @Override
  public void readFrom(BinaryReader r) {
    reset();
    if (r.bool()) {
      batch = PipelineCodec.readSingular(r);
      lastInSpan = r.bool();
    }
  }

  @Override
  public void describeTo(StateVisitor v) {
    v.beginArray("batch");
    if (batch != null) {
      PipelineCodec.describeSingular(v, null, batch);
      v.value(null, lastInSpan);
    }
    v.endArray();
  }
}
