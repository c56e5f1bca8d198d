package dev.basalt.core.event;

import dev.basalt.core.l1.L1Block;
import java.util.Objects;

/** Answer to {@code FetchL1Block}: the requested L1 block's derivation-relevant content. */
public record L1BlockFetched(long correlationId, L1Block block) implements InputEvent {
  public L1BlockFetched {
    Objects.requireNonNull(block, "block");
  }
}
