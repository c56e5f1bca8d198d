package dev.basalt.core.sequencer;

import dev.basalt.core.l1.L1Block;
import java.util.Objects;

/** What the {@link OriginSelector} decided for the next block. */
sealed interface OriginChoice {

  /** Build on this L1 origin. */
  record Use(L1Block origin) implements OriginChoice {
    public Use {
      Objects.requireNonNull(origin, "origin");
    }
  }

  /** An L1 block the decision needs is being fetched: decide again when it arrives. */
  record Wait(String why) implements OriginChoice {}

  /** No origin can be chosen yet (the drift is exhausted and the next origin is not confirmed): retry later. */
  record Retry(String why) implements OriginChoice {}

  /** The unsafe head's L1 origin is no longer canonical: the unsafe chain must be found again. */
  record Reset(String why) implements OriginChoice {}
}
