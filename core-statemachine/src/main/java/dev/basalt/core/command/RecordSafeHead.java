package dev.basalt.core.command;

import dev.basalt.core.types.BlockId;
import dev.basalt.core.types.L2BlockRef;
import java.util.Objects;

/**
 * Record in the safe-head database that, once L1 block {@code l1} was processed, the safe L2 head
 * was {@code safeHead} (serves {@code optimism_safeHeadAtL1Block}). No answer.
 */
public record RecordSafeHead(BlockId l1, L2BlockRef safeHead) implements Command {
  public RecordSafeHead {
    Objects.requireNonNull(l1, "l1");
    Objects.requireNonNull(safeHead, "safeHead");
  }
}
