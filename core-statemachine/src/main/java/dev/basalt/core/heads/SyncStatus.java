package dev.basalt.core.heads;

import dev.basalt.core.types.L1BlockRef;
import dev.basalt.core.types.L2BlockRef;
import java.util.Objects;

/**
 * The node's view of both chains, with op-node's {@code SyncStatus} fields. {@code currentL1} is
 * the derivation origin (not the L1 head), as op-node defines it.
 */
public record SyncStatus(
    L1BlockRef currentL1,
    L1BlockRef headL1,
    L1BlockRef safeL1,
    L1BlockRef finalizedL1,
    L2BlockRef unsafeL2,
    L2BlockRef pendingSafeL2,
    L2BlockRef localSafeL2,
    L2BlockRef safeL2,
    L2BlockRef finalizedL2) {
  public SyncStatus {
    Objects.requireNonNull(currentL1, "currentL1");
    Objects.requireNonNull(headL1, "headL1");
    Objects.requireNonNull(safeL1, "safeL1");
    Objects.requireNonNull(finalizedL1, "finalizedL1");
    Objects.requireNonNull(unsafeL2, "unsafeL2");
    Objects.requireNonNull(pendingSafeL2, "pendingSafeL2");
    Objects.requireNonNull(localSafeL2, "localSafeL2");
    Objects.requireNonNull(safeL2, "safeL2");
    Objects.requireNonNull(finalizedL2, "finalizedL2");
  }

  public static final SyncStatus EMPTY =
      new SyncStatus(
          L1BlockRef.ZERO,
          L1BlockRef.ZERO,
          L1BlockRef.ZERO,
          L1BlockRef.ZERO,
          L2BlockRef.ZERO,
          L2BlockRef.ZERO,
          L2BlockRef.ZERO,
          L2BlockRef.ZERO,
          L2BlockRef.ZERO);
}
