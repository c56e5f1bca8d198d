package dev.basalt.core.event;

import dev.basalt.core.types.L1BlockRef;
import java.util.Objects;

/** Answer to {@code FetchL1Block}: the requested L1 block. */
public record L1BlockFetched(long correlationId, L1BlockRef block) implements InputEvent {
  public L1BlockFetched {
    Objects.requireNonNull(block, "block");
  }
}
