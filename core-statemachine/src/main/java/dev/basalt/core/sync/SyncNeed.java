package dev.basalt.core.sync;

import dev.basalt.core.engine.L2BlockSelector;
import java.util.Objects;

/** What {@link FindL2Heads} needs next, or how it ended. */
public sealed interface SyncNeed {

  /** An L2 block from the engine (answer with {@code onL2Block}). */
  record L2Block(L2BlockSelector selector) implements SyncNeed {
    public L2Block {
      Objects.requireNonNull(selector, "selector");
    }
  }

  /** The canonical L1 block at {@code number} (answer with {@code onL1Block} or {@code onL1Missing}). */
  record L1Block(long number) implements SyncNeed {}

  /** The L1 head is not known yet; call {@code resume} once it is. */
  record L1Head() implements SyncNeed {}

  /** The walk is over. */
  record Found(SyncHeads heads) implements SyncNeed {
    public Found {
      Objects.requireNonNull(heads, "heads");
    }
  }

  /**
   * The walk cannot finish from what the engine and L1 said. {@code critical} when retrying can
   * never help (the engine or L1 is on another chain); otherwise a later attempt may succeed.
   */
  record Failed(String reason, boolean critical) implements SyncNeed {
    public Failed {
      Objects.requireNonNull(reason, "reason");
    }
  }
}
