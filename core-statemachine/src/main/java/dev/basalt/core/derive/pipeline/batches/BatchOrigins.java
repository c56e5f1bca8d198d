package dev.basalt.core.derive.pipeline.batches;

import dev.basalt.core.codec.BinaryReader;
import dev.basalt.core.codec.BinaryWriter;
import dev.basalt.core.codec.ValueCodec;
import dev.basalt.core.config.RollupConfig;
import dev.basalt.core.derive.batch.SingularBatch;
import dev.basalt.core.derive.pipeline.DropListener;
import dev.basalt.core.derive.pipeline.DropReason;
import dev.basalt.core.derive.pipeline.PipelineCodec;
import dev.basalt.core.derive.pipeline.Pull;
import dev.basalt.core.heads.Refs;
import dev.basalt.core.state.StateVisitor;
import dev.basalt.core.types.L1BlockRef;
import dev.basalt.core.types.L2BlockRef;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * What the batch queue and the batch stage share (op-node {@code baseBatchStage}): the window of
 * L1 blocks from the safe head's epoch to the pipeline origin, the blocks of the span batch being
 * applied, and the generation of empty batches once the sequencing window has expired.
 *
 * <p>The window never holds more than a sequencing window of blocks plus one: once the origin is a
 * full window past the first epoch, empty batches advance the epoch.
 */
class BatchOrigins {
  final RollupConfig config;
  final BatchSource prev;
  final DropListener drops;
  L1BlockRef origin = L1BlockRef.ZERO;
  final List<L1BlockRef> l1Blocks = new ArrayList<>();
  final ArrayDeque<SingularBatch> nextSpan = new ArrayDeque<>();

  BatchOrigins(RollupConfig config, BatchSource prev, DropListener drops) {
    this.config = config;
    this.prev = prev;
    this.drops = drops;
  }

  /** The oldest L1 block a derived batch may still refer to, or null. */
  L1BlockRef firstL1Block() {
    return l1Blocks.isEmpty() ? null : l1Blocks.get(0);
  }

  boolean originBehind(L2BlockRef parent) {
    return prev.origin().number() < parent.l1Origin().number();
  }

  /**
   * Follows the pipeline origin into the window and drops epochs the safe head has left. Uses the
   * origin-behind test of the new origin: it is that origin that enters the window. Returns false
   * when the window outgrew its bound.
   */
  boolean updateOrigins(L2BlockRef parent) {
    boolean behind = originBehind(parent);
    if (!origin.equals(prev.origin())) {
      origin = prev.origin();
      if (!behind) {
        l1Blocks.add(origin);
      } else {
        // Only at startup: after a reset the origin is behind the safe head's epoch for a while.
        l1Blocks.clear();
      }
    }
    if (!l1Blocks.isEmpty() && parent.l1Origin().number() > l1Blocks.get(0).number()) {
      for (int i = 0; i < l1Blocks.size(); i++) {
        if (l1Blocks.get(i).number() == parent.l1Origin().number()) {
          l1Blocks.subList(0, i).clear();
          break;
        }
      }
    }
    return l1Blocks.size() <= maxWindow();
  }

  /**
   * Honest derivation keeps at most a sequencing window plus two blocks; only a batch left
   * undecided for ever (an authorised batcher posting nonsense before Holocene) could grow the
   * window further, and derivation halts rather than growing without bound.
   */
  long maxWindow() {
    return 4 * config.seqWindowSize() + 64;
  }

  String windowOverflow() {
    return "L1 window of the batch stage grew to " + l1Blocks.size() + " blocks (bound " + maxWindow() + ")";
  }

  /** The next block of the current span if it builds on {@code parent}; else drops the span. */
  NextBatch nextFromSpan(L2BlockRef parent) {
    if (nextSpan.isEmpty()) {
      return null;
    }
    if (nextSpan.peekFirst().timestamp() == parent.timestamp() + config.blockTimeSeconds()) {
      SingularBatch next = popNextBatch(parent);
      return new NextBatch(next, nextSpan.isEmpty());
    }
    // The previous block of the span did not become the safe head: the rest cannot apply.
    drops.dropped(DropReason.SPAN_REMAINDER_DISCARDED, nextSpan.size() + " blocks after " + parent);
    nextSpan.clear();
    return null;
  }

  SingularBatch popNextBatch(L2BlockRef parent) {
    // The span's parent check was verified, so each block builds on whatever the safe head is.
    return nextSpan.pollFirst().withParentHash(parent.hash());
  }

  /**
   * An empty batch for the current epoch once the sequencing window expired, or {@link Pull.Eof}.
   * When the epoch has no room for another block before the next L1 origin, the window moves on
   * by one epoch instead (the next call then generates the first block of the new epoch).
   */
  Pull<SingularBatch> deriveNextEmptyBatch(boolean outOfData, L2BlockRef parent) {
    L1BlockRef epoch = l1Blocks.get(0);
    long expiryEpoch = epoch.number() + config.seqWindowSize();
    boolean forceEmpty = (expiryEpoch == origin.number() && outOfData) || expiryEpoch < origin.number();
    if (!forceEmpty || l1Blocks.size() < 2) {
      return Pull.eof();
    }
    boolean firstOfEpoch = epoch.number() == parent.l1Origin().number() + 1;
    long nextTimestamp = parent.timestamp() + config.blockTimeSeconds();
    L1BlockRef nextEpoch = l1Blocks.get(1);
    // Keep L2 time >= L1 time, and give every epoch at least one block.
    if (nextTimestamp < nextEpoch.timestamp() || firstOfEpoch) {
      return Pull.value(new SingularBatch(parent.hash(), epoch.number(), epoch.hash(), nextTimestamp, List.of()));
    }
    l1Blocks.remove(0);
    return Pull.eof();
  }

  void reset(L1BlockRef base) {
    origin = base;
    l1Blocks.clear();
    // Only for a start at the very first block; normally the origin is behind and it is dropped.
    l1Blocks.add(base);
    nextSpan.clear();
  }

  void writeOrigins(BinaryWriter w) {
    ValueCodec.write(w, origin);
    PipelineCodec.writeRefs(w, l1Blocks);
    w.i32(nextSpan.size());
    for (SingularBatch b : nextSpan) {
      PipelineCodec.writeSingular(w, b);
    }
  }

  void readOrigins(BinaryReader r) {
    origin = ValueCodec.readL1BlockRef(r);
    l1Blocks.clear();
    l1Blocks.addAll(PipelineCodec.readRefs(r));
    int n = r.count(PipelineCodec.MAX_ITEMS, "span blocks");
    nextSpan.clear();
    for (int i = 0; i < n; i++) {
      nextSpan.add(PipelineCodec.readSingular(r));
    }
  }

  void describeOrigins(StateVisitor v) {
    Refs.describe(v, "origin", origin);
    PipelineCodec.describeRefs(v, "l1Blocks", l1Blocks);
    v.beginArray("nextSpan");
    for (SingularBatch b : nextSpan) {
      PipelineCodec.describeSingular(v, null, b);
    }
    v.endArray();
  }

  /** Copies the window from the pre-Holocene queue: the first Holocene channel needs its epochs. */
  void takeOriginsFrom(BatchOrigins other) {
    origin = other.origin;
    l1Blocks.clear();
    l1Blocks.addAll(other.l1Blocks);
  }
}
