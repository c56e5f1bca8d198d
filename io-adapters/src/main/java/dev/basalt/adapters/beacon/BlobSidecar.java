package dev.basalt.adapters.beacon;

import dev.basalt.core.types.Bytes;
import java.util.Objects;

/** The parts of a beacon {@code BlobSidecar} the blob check uses. */
record BlobSidecar(int index, Bytes blob, Bytes commitment, Bytes proof) {
  BlobSidecar {
    Objects.requireNonNull(blob, "blob");
    Objects.requireNonNull(commitment, "commitment");
    Objects.requireNonNull(proof, "proof");
  }
}
