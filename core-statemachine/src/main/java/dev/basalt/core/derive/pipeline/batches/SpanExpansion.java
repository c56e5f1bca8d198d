package dev.basalt.core.derive.pipeline.batches;

import dev.basalt.core.derive.batch.SingularBatch;
import dev.basalt.core.derive.batch.SpanBatch;
import dev.basalt.core.derive.batch.SpanBatchElement;
import dev.basalt.core.types.Hash32;
import dev.basalt.core.types.L1BlockRef;
import dev.basalt.core.types.L2BlockRef;
import java.util.ArrayList;
import java.util.List;

/**
 * A span batch's blocks after the safe head as singular batches (op-node {@code
 * GetSingularBatches}), epoch hashes filled in from the known L1 blocks and parent hashes left for
 * the batch stage to set as it builds on each block. A block whose L1 origin is before the safe
 * head's, or unknown, makes the whole span invalid (specs PR #863: a drop, not a halt).
 */
public record SpanExpansion(List<SingularBatch> batches, BatchDropReason dropReason) {
  public SpanExpansion {
    batches = List.copyOf(batches);
  }

  public boolean valid() {
    return dropReason == null;
  }

  public static SpanExpansion expand(SpanBatch span, List<L1BlockRef> l1Blocks, L2BlockRef safeHead) {
    List<SingularBatch> out = new ArrayList<>();
    int originIndex = 0;
    for (SpanBatchElement e : span.elements()) {
      if (U64.le(e.timestamp(), safeHead.timestamp())) {
        continue;
      }
      if (U64.lt(e.epochNumber(), safeHead.l1Origin().number())) {
        return new SpanExpansion(List.of(), BatchDropReason.L1_ORIGIN_BEFORE_SAFE_HEAD);
      }
      int found = SpanBatchRules.indexOf(l1Blocks, e.epochNumber(), originIndex);
      if (found < 0) {
        return new SpanExpansion(List.of(), BatchDropReason.MISSING_L1_ORIGIN);
      }
      originIndex = found;
      out.add(new SingularBatch(Hash32.ZERO, e.epochNumber(), l1Blocks.get(found).hash(), e.timestamp(), e.transactions()));
    }
    return new SpanExpansion(out, null);
  }
}
