package dev.basalt.core.engine;

import dev.basalt.core.types.Hash32;
import java.util.Objects;

/** Which L2 block to read from the execution engine. */
public sealed interface L2BlockSelector {
  /** The engine's own labels ({@code latest}, {@code safe}, {@code finalized}). */
  enum Label {
    LATEST,
    SAFE,
    FINALIZED
  }

  record ByNumber(long number) implements L2BlockSelector {
    public ByNumber {
      if (number < 0) {
        throw new IllegalArgumentException("block number must be non-negative");
      }
    }
  }

  record ByHash(Hash32 hash) implements L2BlockSelector {
    public ByHash {
      Objects.requireNonNull(hash, "hash");
    }
  }

  record ByLabel(Label label) implements L2BlockSelector {
    public ByLabel {
      Objects.requireNonNull(label, "label");
    }
  }
}
