package dev.basalt.core.event;

import dev.basalt.core.types.L1BlockRef;
import java.util.Objects;

/** The L1 node reported this block under its {@code safe} label. */
public record L1SafeObserved(L1BlockRef safe) implements InputEvent {
  public L1SafeObserved {
    Objects.requireNonNull(safe, "safe");
  }
}
