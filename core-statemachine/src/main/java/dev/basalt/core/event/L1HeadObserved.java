package dev.basalt.core.event;

import dev.basalt.core.types.L1BlockRef;
import java.util.Objects;

/** The L1 node reported this block as its latest head. */
public record L1HeadObserved(L1BlockRef head) implements InputEvent {
  public L1HeadObserved {
    Objects.requireNonNull(head, "head");
  }
}
