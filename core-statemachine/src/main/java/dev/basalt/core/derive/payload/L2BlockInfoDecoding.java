package dev.basalt.core.derive.payload;

import dev.basalt.core.derive.L2BlockInfo;
import java.util.Objects;

/**
 * What an L2 block says about itself to derivation ({@link PayloadBlockInfo#decode}): its
 * {@link L2BlockInfo}, or why it cannot say (a block no rollup node built, or the wrong genesis).
 */
public sealed interface L2BlockInfoDecoding {

  record Decoded(L2BlockInfo info) implements L2BlockInfoDecoding {
    public Decoded {
      Objects.requireNonNull(info, "info");
    }
  }

  /** {@code reason} is for humans and logs. */
  record Invalid(String reason) implements L2BlockInfoDecoding {
    public Invalid {
      Objects.requireNonNull(reason, "reason");
    }
  }
}
