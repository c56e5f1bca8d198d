package dev.basalt.testdata.world.l1;

import dev.basalt.core.derive.blob.Blob;
import dev.basalt.core.types.Bytes;
import dev.basalt.core.types.Hash32;
import java.util.Objects;

/**
 * One blob as the beacon API serves it: its block-wide index, the blob, its KZG commitment and
 * proof, and the versioned hash the carrying transaction commits to.
 */
public record BlobSidecar(int index, Blob blob, Bytes commitment, Bytes proof, Hash32 versionedHash) {
  public BlobSidecar {
    Objects.requireNonNull(blob, "blob");
    Objects.requireNonNull(commitment, "commitment");
    Objects.requireNonNull(proof, "proof");
    Objects.requireNonNull(versionedHash, "versionedHash");
    if (index < 0) {
      throw new IllegalArgumentException("blob index must be non-negative");
    }
  }

  /** A sidecar for {@code blob} with real (or fallback, see {@link Kzg}) commitment and proof. */
  public static BlobSidecar of(Blob blob) {
    Bytes commitment = Kzg.commitment(blob);
    return new BlobSidecar(0, blob, commitment, Kzg.proof(blob, commitment), Kzg.versionedHash(commitment));
  }

  /** The same sidecar at block-wide position {@code newIndex}. */
  public BlobSidecar at(int newIndex) {
    return new BlobSidecar(newIndex, blob, commitment, proof, versionedHash);
  }
}
