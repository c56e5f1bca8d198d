package dev.basalt.core.l1;

import dev.basalt.core.types.Hash32;
import java.util.Objects;

/** A blob's versioned hash and its block-wide index (how the beacon API addresses it). */
public record IndexedBlobHash(int index, Hash32 versionedHash) {
  public IndexedBlobHash {
    Objects.requireNonNull(versionedHash, "versionedHash");
    if (index < 0) {
      throw new IllegalArgumentException("blob index must be non-negative");
    }
  }
}
