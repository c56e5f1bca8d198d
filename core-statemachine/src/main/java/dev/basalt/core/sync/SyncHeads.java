package dev.basalt.core.sync;

import dev.basalt.core.derive.L2BlockInfo;
import java.util.Objects;

/** The heads a sync start found: where the unsafe chain, derivation and finality restart. */
public record SyncHeads(L2BlockInfo unsafe, L2BlockInfo safe, L2BlockInfo finalized) {
  public SyncHeads {
    Objects.requireNonNull(unsafe, "unsafe");
    Objects.requireNonNull(safe, "safe");
    Objects.requireNonNull(finalized, "finalized");
  }
}
