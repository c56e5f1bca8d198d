package dev.basalt.core.event;

import dev.basalt.core.types.L1BlockRef;
import java.util.Objects;

/** The L1 node reported this block under its {@code finalized} label. */
public record L1FinalizedObserved(L1BlockRef finalized) implements InputEvent {
  public L1FinalizedObserved {
    Objects.requireNonNull(finalized, "finalized");
  }
}
