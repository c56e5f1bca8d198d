package dev.basalt.adapters.safedb;

import dev.basalt.core.types.BlockId;
import dev.basalt.core.types.L2BlockRef;
import java.util.Objects;

/**
 * One safe-head database entry, the answer of {@code optimism_safeHeadAtL1Block}: once L1 block
 * {@code l1Block} had been processed, the safe L2 head was {@code safeHead} (the RPC shows its
 * {@link L2BlockRef#id()}; the full ref is kept for callers that want more).
 */
public record SafeHeadAtL1(BlockId l1Block, L2BlockRef safeHead) {
  public SafeHeadAtL1 {
    Objects.requireNonNull(l1Block, "l1Block");
    Objects.requireNonNull(safeHead, "safeHead");
  }
}
