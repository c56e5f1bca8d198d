package dev.basalt.core.derive.pipeline.batches;

import dev.basalt.core.codec.BinaryReader;
import dev.basalt.core.codec.BinaryWriter;
import dev.basalt.core.config.RollupConfig;
import dev.basalt.core.derive.L2ChainView;
import dev.basalt.core.derive.batch.SingularBatch;
import dev.basalt.core.derive.batch.SpanBatch;
import dev.basalt.core.derive.pipeline.DropListener;
import dev.basalt.core.derive.pipeline.DropReason;
import dev.basalt.core.derive.pipeline.PipelineCodec;
import dev.basalt.core.derive.pipeline.Pull;
import dev.basalt.core.state.StateVisitor;
import dev.basalt.core.types.L1BlockRef;
import dev.basalt.core.types.L2BlockRef;

/**
 * op-node's Holocene {@code BatchStage} (kona's {@code BatchStream} plus {@code BatchValidator}):
 * batches must arrive in order. A span batch passes its prefix and overlap checks, then streams
 * out as singular batches, each checked on its own; an invalid batch drops the rest of its span
 * and of its channel, a {@code past} one is skipped silently, and nothing is kept for later.
 */
final class BatchStage implements BatchStageState {
  private final BatchOrigins base;
  private final L2ChainView l2;
  /** A span batch read from the channel whose checks are waiting for an L2 block. */
  private SpanBatch pendingSpan;

  BatchStage(RollupConfig config, BatchSource prev, L2ChainView l2, DropListener drops) {
    this.base = new BatchOrigins(config, prev, drops);
    this.l2 = l2;
  }

  @Override
  public BatchOrigins origins() {
    return base;
  }

  @Override
  public Pull<NextBatch> nextBatch(L2BlockRef parent) {
    // Holocene never invalidates backwards, so the window can always follow the safe head.
    if (!base.updateOrigins(parent)) {
      return Pull.critical(base.windowOverflow());
    }
    if (base.originBehind(parent) || parent.l1Origin().number() == base.origin.number()) {
      // A channel from the safe head's own L1 block or before holds only past batches: drain.
      pendingSpan = null;
      Pull<ChannelBatch> drained = base.prev.nextBatch();
      return drained instanceof Pull.Value<ChannelBatch> ? Pull.more() : drained.pass();
    }
    if (base.l1Blocks.size() < 2) {
      return Pull.critical("batch stage holds " + base.l1Blocks.size() + " L1 blocks at origin " + base.origin + ", parent " + parent);
    }
    L1BlockRef epoch = base.l1Blocks.get(0);
    if (!parent.l1Origin().equals(epoch.id()) && parent.l1Origin().number() != epoch.number() - 1) {
      return Pull.reset("buffered L1 epoch " + epoch + " does not match the safe head's origin " + parent.l1Origin());
    }
    Pull<SingularBatch> candidate = nextCandidate(parent);
    if (candidate instanceof Pull.Eof<SingularBatch>) {
      // Only once the span and the channel are drained are empty batches considered.
      Pull<SingularBatch> empty = base.deriveNextEmptyBatch(true, parent);
      return empty instanceof Pull.Value<SingularBatch> e ? Pull.value(new NextBatch(e.value(), true)) : empty.pass();
    }
    if (!(candidate instanceof Pull.Value<SingularBatch> c)) {
      return candidate.pass();
    }
    SingularBatch batch = c.value();
    Verdict verdict = SingularBatchRules.check(base.config, base.l1Blocks, parent, batch, base.origin);
    return switch (verdict) {
      case Verdict.Accept a -> Pull.value(new NextBatch(batch, true));
      case Verdict.Past p -> {
        base.drops.dropped(DropReason.BATCH_PAST, "batch at " + Long.toUnsignedString(batch.timestamp()) + ", safe head " + parent);
        yield Pull.more();
      }
      case Verdict.Drop d -> {
        base.drops.dropped(DropReason.BATCH_INVALID, d.reason() + ", batch at " + Long.toUnsignedString(batch.timestamp()));
        flushChannel();
        yield Pull.more();
      }
      case Verdict.Undecided u -> Pull.more();
      case Verdict.NeedL2 n -> Pull.critical("a singular batch check asked for L2 block " + n.number());
      case Verdict.Future f -> Pull.critical("future batch validity in the Holocene batch stage");
    };
  }

  /** The next singular batch: from the current span, else the next batch of the channel. */
  private Pull<SingularBatch> nextCandidate(L2BlockRef parent) {
    NextBatch fromSpan = base.nextFromSpan(parent);
    if (fromSpan != null) {
      return Pull.value(fromSpan.batch());
    }
    SpanBatch span = pendingSpan;
    pendingSpan = null;
    if (span == null) {
      Pull<ChannelBatch> read = base.prev.nextBatch();
      if (!(read instanceof Pull.Value<ChannelBatch> v)) {
        return read.pass();
      }
      if (v.value() instanceof ChannelBatch.Singular s) {
        return Pull.value(s.batch());
      }
      span = ((ChannelBatch.Span) v.value()).batch();
    }
    return startSpan(span, parent);
  }

  private Pull<SingularBatch> startSpan(SpanBatch span, L2BlockRef parent) {
    Verdict verdict = SpanBatchRules.checkHolocene(base.config, base.l1Blocks, parent, span, base.origin, l2);
    switch (verdict) {
      case Verdict.Accept a -> {}
      case Verdict.Past p -> {
        base.drops.dropped(DropReason.BATCH_PAST, "span batch at " + Long.toUnsignedString(span.timestamp()));
        return Pull.more();
      }
      case Verdict.Drop d -> {
        base.drops.dropped(DropReason.BATCH_INVALID, d.reason() + ", span batch at " + Long.toUnsignedString(span.timestamp()));
        flushChannel();
        return Pull.more();
      }
      case Verdict.Undecided u -> {
        // op-node consumes an undecided span batch here; it is lost without flushing its channel.
        base.drops.dropped(DropReason.BATCH_INVALID, "undecided span batch: " + u.why());
        return Pull.more();
      }
      case Verdict.NeedL2 n -> {
        pendingSpan = span;
        return Pull.needL2Block(n.number());
      }
      case Verdict.Future f -> {
        return Pull.critical("future span batch validity in the Holocene batch stage");
      }
    }
    SpanExpansion expansion = SpanExpansion.expand(span, base.l1Blocks, parent);
    if (!expansion.valid()) {
      base.drops.dropped(DropReason.BATCH_INVALID, expansion.dropReason() + ", span batch at " + Long.toUnsignedString(span.timestamp()));
      flushChannel();
      return Pull.more();
    }
    if (expansion.batches().isEmpty()) {
      // Unreachable after the prefix checks (the last block is after the safe head); skip it.
      return Pull.more();
    }
    base.nextSpan.addAll(expansion.batches());
    return Pull.value(base.popNextBatch(parent));
  }

  /** Drops the rest of the span batch and of its channel (fast channel invalidation). */
  void flushChannel() {
    base.nextSpan.clear();
    pendingSpan = null;
    base.prev.flushChannel();
  }

  @Override
  public void reset(L1BlockRef origin) {
    base.reset(origin);
    pendingSpan = null;
  }

  @Override
  public void writeTo(BinaryWriter w) {
    base.writeOrigins(w);
    w.bool(pendingSpan != null);
    if (pendingSpan != null) {
      PipelineCodec.writeSpan(w, pendingSpan);
    }
  }

  @Override
  public void readFrom(BinaryReader r) {
    base.readOrigins(r);
    pendingSpan = r.bool() ? PipelineCodec.readSpan(r) : null;
  }

  @Override
  public void describeTo(StateVisitor v) {
    v.value("stage", "batchStage");
    base.describeOrigins(v);
    v.beginArray("pendingSpan");
    if (pendingSpan != null) {
      PipelineCodec.describeSpan(v, null, pendingSpan);
    }
    v.endArray();
  }
}
