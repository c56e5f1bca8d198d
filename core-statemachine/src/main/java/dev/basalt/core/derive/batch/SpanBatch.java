package dev.basalt.core.derive.batch;

import dev.basalt.core.types.Bytes;
import dev.basalt.core.types.Hash32;
import dev.basalt.core.types.L1BlockRef;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A derived span batch: its two truncated checks and one element per L2 block, with full
 * transactions. Produced by {@link RawSpanBatch#derive}.
 *
 * @param parentCheck first 20 bytes of the first block's parent hash
 * @param l1OriginCheck first 20 bytes of the last block's L1 origin hash
 */
public record SpanBatch(Bytes parentCheck, Bytes l1OriginCheck, List<SpanBatchElement> elements) {
  public SpanBatch {
    Objects.requireNonNull(parentCheck, "parentCheck");
    Objects.requireNonNull(l1OriginCheck, "l1OriginCheck");
    elements = List.copyOf(elements);
    if (elements.isEmpty()) {
      throw new IllegalArgumentException("a span batch has at least one block");
    }
  }

  /** Timestamp of the first block. */
  public long timestamp() {
    return elements.get(0).timestamp();
  }

  public long startEpochNumber() {
    return elements.get(0).epochNumber();
  }

  public long endEpochNumber() {
    return elements.get(elements.size() - 1).epochNumber();
  }

  /** True when {@code hash} starts with the parent check (op-node {@code CheckParentHash}). */
  public boolean checkParentHash(Hash32 hash) {
    return startsWith(hash, parentCheck);
  }

  /** True when {@code hash} starts with the L1 origin check (op-node {@code CheckOriginHash}). */
  public boolean checkOriginHash(Hash32 hash) {
    return startsWith(hash, l1OriginCheck);
  }

  private static boolean startsWith(Hash32 hash, Bytes check) {
    return Arrays.equals(Arrays.copyOf(hash.toArray(), check.length()), check.toArray());
  }

  /**
   * The blocks after the safe head as singular batches (op-node {@code GetSingularBatches}): each
   * element with a timestamp above {@code safeHeadTimestamp} gets its epoch hash from the matching
   * entry of {@code l1Origins} (searched forward, origins in ascending order). The parent hashes
   * are left zero: the batch stage sets each one as it builds on the previous block.
   *
   * @throws IllegalArgumentException when an element's origin is not in {@code l1Origins}; the
   *     batch stage validated the span against these origins first, so op-node treats this as a
   *     critical error, not as a bad batch
   */
  public List<SingularBatch> toSingularBatches(List<L1BlockRef> l1Origins, long safeHeadTimestamp) {
    List<SingularBatch> out = new ArrayList<>();
    int originIndex = 0;
    for (SpanBatchElement e : elements) {
      if (Long.compareUnsigned(e.timestamp(), safeHeadTimestamp) <= 0) {
        continue;
      }
      Hash32 epochHash = null;
      for (int i = originIndex; i < l1Origins.size(); i++) {
        if (l1Origins.get(i).number() == e.epochNumber()) {
          originIndex = i;
          epochHash = l1Origins.get(i).hash();
          break;
        }
      }
      if (epochHash == null) {
        throw new IllegalArgumentException("no L1 origin given for epoch " + Long.toUnsignedString(e.epochNumber()));
      }
      out.add(new SingularBatch(Hash32.ZERO, e.epochNumber(), epochHash, e.timestamp(), e.transactions()));
    }
    return out;
  }
}
