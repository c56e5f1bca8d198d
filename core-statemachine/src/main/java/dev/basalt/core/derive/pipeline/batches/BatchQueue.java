package dev.basalt.core.derive.pipeline.batches;

import dev.basalt.core.codec.BinaryReader;
import dev.basalt.core.codec.BinaryWriter;
import dev.basalt.core.config.RollupConfig;
import dev.basalt.core.derive.L2ChainView;
import dev.basalt.core.derive.batch.SingularBatch;
import dev.basalt.core.derive.pipeline.DropListener;
import dev.basalt.core.derive.pipeline.DropReason;
import dev.basalt.core.derive.pipeline.PipelineCodec;
import dev.basalt.core.derive.pipeline.Pull;
import dev.basalt.core.derive.pipeline.StepResult;
import dev.basalt.core.state.StateVisitor;
import dev.basalt.core.types.L1BlockRef;
import dev.basalt.core.types.L2BlockRef;
import java.util.ArrayList;
import java.util.List;

/**
 * op-node's pre-Holocene {@code BatchQueue}: batches may arrive in any order within the
 * sequencing window. Each is checked against the safe head when it arrives (dropping the invalid
 * ones), kept while it may apply later, and the first acceptable one in arrival order is applied;
 * span batches are validated as a whole and then applied block by block. When the window expires
 * without a batch, empty batches keep the chain moving.
 *
 * <p>A check that needs an L2 block the view does not hold keeps the batch where it is and asks for
 * the block, so the outcome is that of op-node with a working L2 fetcher.
 */
final class BatchQueue implements BatchStageState {
  /**
   * op-node keeps future batches without limit, so an authorised batcher could grow the queue
   * forever with far-future batches. Honest use keeps at most a sequencing window of blocks; past
   * these bounds the batches that arrived first are evicted (a deviation no honest chain reaches).
   */
  static final int MAX_QUEUED_BATCHES = 100_000;

  static final long MAX_QUEUED_BYTES = 1_000_000_000L;

  private final BatchOrigins base;
  private final L2ChainView l2;
  private final List<QueuedBatch> batches = new ArrayList<>();
  /** A batch read from the channel whose arrival check is waiting for an L2 block. */
  private QueuedBatch pendingAdd;

  BatchQueue(RollupConfig config, BatchSource prev, L2ChainView l2, DropListener drops) {
    this.base = new BatchOrigins(config, prev, drops);
    this.l2 = l2;
  }

  @Override
  public BatchOrigins origins() {
    return base;
  }

  @Override
  public Pull<NextBatch> nextBatch(L2BlockRef parent) {
    NextBatch fromSpan = base.nextFromSpan(parent);
    if (fromSpan != null) {
      return Pull.value(fromSpan);
    }
    if (!base.updateOrigins(parent)) {
      return Pull.critical(base.windowOverflow());
    }
    boolean originBehind = base.originBehind(parent);
    boolean outOfData = false;
    if (pendingAdd != null) {
      QueuedBatch retry = pendingAdd;
      pendingAdd = null;
      Pull<NextBatch> halted = add(retry, parent);
      if (halted != null) {
        return halted;
      }
    } else {
      Pull<ChannelBatch> read = base.prev.nextBatch();
      switch (read) {
        case Pull.Eof<ChannelBatch> e -> outOfData = true;
        case Pull.Value<ChannelBatch> v -> {
          // Batches read while behind the safe head's epoch cannot apply; the stages drain.
          if (!originBehind) {
            Pull<NextBatch> halted = add(new QueuedBatch(v.value(), base.origin), parent);
            if (halted != null) {
              return halted;
            }
          }
        }
        default -> {
          return read.pass();
        }
      }
    }
    if (originBehind) {
      return outOfData ? Pull.eof() : Pull.more();
    }
    return deriveNext(outOfData, parent);
  }

  /** Checks a newly read batch; returns a pull to hand back when the check must wait. */
  private Pull<NextBatch> add(QueuedBatch batch, L2BlockRef parent) {
    if (base.l1Blocks.isEmpty()) {
      return Pull.critical("batch queue has no L1 origin to check a batch against");
    }
    Verdict verdict = check(batch, parent);
    if (verdict instanceof Verdict.NeedL2 need) {
      pendingAdd = batch;
      return Pull.needL2Block(need.number());
    }
    if (verdict instanceof Verdict.Drop d) {
      base.drops.dropped(DropReason.BATCH_INVALID, d.reason() + " at arrival, batch at " + Long.toUnsignedString(batch.batch().timestamp()));
      return null;
    }
    batches.add(batch);
    enforceBounds();
    return null;
  }

  private void enforceBounds() {
    long bytes = 0;
    for (QueuedBatch b : batches) {
      bytes += b.sizeBytes();
    }
    while (batches.size() > MAX_QUEUED_BATCHES || bytes > MAX_QUEUED_BYTES) {
      QueuedBatch evicted = batches.remove(0);
      bytes -= evicted.sizeBytes();
      base.drops.dropped(DropReason.BATCH_INVALID, "queue full, evicted batch at " + Long.toUnsignedString(evicted.batch().timestamp()));
    }
  }

  private Verdict check(QueuedBatch b, L2BlockRef parent) {
    return switch (b.batch()) {
      case ChannelBatch.Singular s -> SingularBatchRules.check(base.config, base.l1Blocks, parent, s.batch(), b.inclusion());
      case ChannelBatch.Span s -> SpanBatchRules.checkFull(base.config, base.l1Blocks, parent, s.batch(), b.inclusion(), l2);
    };
  }

  private Pull<NextBatch> deriveNext(boolean outOfData, L2BlockRef parent) {
    Pull<ChannelBatch> derived = deriveNextBatch(outOfData, parent);
    if (derived instanceof Pull.Eof<ChannelBatch>) {
      return outOfData ? Pull.eof() : Pull.more();
    }
    if (!(derived instanceof Pull.Value<ChannelBatch> v)) {
      return derived.pass();
    }
    return switch (v.value()) {
      case ChannelBatch.Singular s -> Pull.value(new NextBatch(s.batch(), true));
      case ChannelBatch.Span s -> {
        SpanExpansion expansion = SpanExpansion.expand(s.batch(), base.l1Blocks, parent);
        if (!expansion.valid() || expansion.batches().isEmpty()) {
          // The full check already verified every origin; op-node treats this as a bug.
          yield Pull.critical("accepted span batch cannot be expanded: " + expansion.dropReason());
        }
        base.nextSpan.addAll(expansion.batches());
        SingularBatch next = base.popNextBatch(parent);
        yield Pull.value(new NextBatch(next, base.nextSpan.isEmpty()));
      }
    };
  }

  /**
   * The first acceptable batch in arrival order, dropping invalid ones and keeping future ones;
   * EOF when undecided or when none applies and no empty batch is due.
   */
  private Pull<ChannelBatch> deriveNextBatch(boolean outOfData, L2BlockRef parent) {
    if (base.l1Blocks.isEmpty()) {
      return Pull.critical("cannot derive the next batch: no L1 origin prepared");
    }
    L1BlockRef epoch = base.l1Blocks.get(0);
    // The window's first epoch may be one ahead of the safe head's after empty batches moved it.
    if (!parent.l1Origin().equals(epoch.id()) && parent.l1Origin().number() != epoch.number() - 1) {
      return Pull.reset("buffered L1 epoch " + epoch + " does not match the safe head's origin " + parent.l1Origin());
    }
    List<QueuedBatch> remaining = new ArrayList<>();
    for (int i = 0; i < batches.size(); i++) {
      QueuedBatch b = batches.get(i);
      Verdict verdict = check(b, parent);
      switch (verdict) {
        case Verdict.Future f -> remaining.add(b);
        case Verdict.Drop d -> base.drops.dropped(DropReason.BATCH_INVALID, d.reason() + ", batch at " + Long.toUnsignedString(b.batch().timestamp()));
        case Verdict.Accept a -> {
          remaining.addAll(batches.subList(i + 1, batches.size()));
          replaceBatches(remaining);
          return Pull.value(b.batch());
        }
        case Verdict.Undecided u -> {
          remaining.addAll(batches.subList(i, batches.size()));
          replaceBatches(remaining);
          return Pull.eof();
        }
        case Verdict.NeedL2 n -> {
          remaining.addAll(batches.subList(i, batches.size()));
          replaceBatches(remaining);
          return Pull.halt(new StepResult.NeedL2Block(n.number()));
        }
        case Verdict.Past p -> {
          return Pull.critical("past batch validity in the pre-Holocene batch queue");
        }
      }
    }
    replaceBatches(remaining);
    Pull<SingularBatch> empty = base.deriveNextEmptyBatch(outOfData, parent);
    if (empty instanceof Pull.Value<SingularBatch> e) {
      return Pull.value(new ChannelBatch.Singular(e.value()));
    }
    return empty.pass();
  }

  private void replaceBatches(List<QueuedBatch> remaining) {
    List<QueuedBatch> copy = new ArrayList<>(remaining);
    batches.clear();
    batches.addAll(copy);
  }

  int queuedBatches() {
    return batches.size();
  }

  @Override
  public void reset(L1BlockRef origin) {
    base.reset(origin);
    batches.clear();
    pendingAdd = null;
  }

  @Override
  public void writeTo(BinaryWriter w) {
    base.writeOrigins(w);
    w.i32(batches.size());
    for (QueuedBatch b : batches) {
      b.writeTo(w);
    }
    w.bool(pendingAdd != null);
    if (pendingAdd != null) {
      pendingAdd.writeTo(w);
    }
  }

  @Override
  public void readFrom(BinaryReader r) {
    base.readOrigins(r);
    int n = r.count(PipelineCodec.MAX_ITEMS, "queued batches");
    batches.clear();
    for (int i = 0; i < n; i++) {
      batches.add(QueuedBatch.readFrom(r));
    }
    pendingAdd = r.bool() ? QueuedBatch.readFrom(r) : null;
  }

  @Override
  public void describeTo(StateVisitor v) {
    v.value("stage", "batchQueue");
    base.describeOrigins(v);
    v.beginArray("batches");
    for (QueuedBatch b : batches) {
      b.describeTo(v);
    }
    v.endArray();
    v.beginArray("pendingAdd");
    if (pendingAdd != null) {
      pendingAdd.describeTo(v);
    }
    v.endArray();
  }
}
