package dev.basalt.testdata.world.l1;

import dev.basalt.core.derive.blob.Blob;
import dev.basalt.core.types.Bytes;
import dev.basalt.core.types.Hash32;
import dev.basalt.testdata.batcher.EncodedBlob;
import java.util.Arrays;
import java.util.Objects;

/**
 * One blob as the beacon API serves it: its block-wide index, the blob, its KZG commitment and
 * proof, and the versioned hash the carrying transaction commits to.
 *
 * <p>Cost: the commitment is made at once (the versioned hash, and so the transaction and the block
 * hash, depend on it), the proof only when first asked for. A proof costs about four commitments
 * and only blobs a node actually fetches need one, so a world that catches up hours of blocks (a
 * restarted devnet) does not pay for the rest. The blob is kept without its trailing zero bytes:
 * batcher blobs are mostly empty, and a long-running world keeps every blob it posted.
 */
public final class BlobSidecar {
  private final int index;
  private final byte[] trimmed;
  private final Bytes commitment;
  private final Hash32 versionedHash;
  private final LazyProof proof;

  /** The proof, computed once and shared by every index-shifted copy of the sidecar. */
  private static final class LazyProof {
    private final BlobCommitments kind;
    private volatile Bytes value;

    LazyProof(BlobCommitments kind) {
      this.kind = kind;
    }

    Bytes get(byte[] trimmed, Bytes commitment) {
      Bytes p = value;
      if (p == null) {
        synchronized (this) {
          if (value == null) {
            value = kind == BlobCommitments.PSEUDO
                ? Kzg.pseudoOfTrimmed(PSEUDO_PROOF, trimmed)
                : Kzg.proof(Blob.fromPrefix(trimmed), commitment);
          }
          p = value;
        }
      }
      return p;
    }
  }

  private BlobSidecar(int index, byte[] trimmed, Bytes commitment, Hash32 versionedHash, LazyProof proof) {
    if (index < 0) {
      throw new IllegalArgumentException("blob index must be non-negative");
    }
    this.index = index;
    this.trimmed = trimmed;
    this.commitment = Objects.requireNonNull(commitment, "commitment");
    this.versionedHash = Objects.requireNonNull(versionedHash, "versionedHash");
    this.proof = proof;
  }

  private static final String PSEUDO_COMMITMENT = "basalt-sim-pseudo-commitment";
  private static final String PSEUDO_PROOF = "basalt-sim-pseudo-proof";

  /** A sidecar for {@code blob} with real (or fallback, see {@link Kzg}) commitment and proof. */
  public static BlobSidecar of(Blob blob) {
    return of(blob, BlobCommitments.REAL);
  }

  /** A sidecar for {@code blob} whose commitment and proof are made as {@code kind} says. */
  public static BlobSidecar of(Blob blob, BlobCommitments kind) {
    byte[] trimmed = trim(blob.toArray());
    Bytes commitment = kind == BlobCommitments.PSEUDO ? Kzg.pseudoOfTrimmed(PSEUDO_COMMITMENT, trimmed) : Kzg.commitment(blob);
    return new BlobSidecar(0, trimmed, commitment, Kzg.versionedHash(commitment), new LazyProof(kind));
  }

  /**
   * A sidecar for an encoder-made blob (as {@link #of(Blob, BlobCommitments)} gives for {@code
   * encoded.blob()}): its trailing zeros are trimmed from the prefix before {@code
   * encoded.zeroFrom()}, read byte by byte, instead of from a copy of the whole blob scanned back
   * over its zero tail.
   */
  public static BlobSidecar of(EncodedBlob encoded, BlobCommitments kind) {
    Blob blob = encoded.blob();
    int end = Math.min(encoded.zeroFrom(), Blob.SIZE_BYTES);
    while (end > 0 && blob.get(end - 1) == 0) {
      end--;
    }
    byte[] trimmed = new byte[end];
    for (int i = 0; i < end; i++) {
      trimmed[i] = (byte) blob.get(i);
    }
    Bytes commitment = kind == BlobCommitments.PSEUDO ? Kzg.pseudoOfTrimmed(PSEUDO_COMMITMENT, trimmed) : Kzg.commitment(blob);
    return new BlobSidecar(0, trimmed, commitment, Kzg.versionedHash(commitment), new LazyProof(kind));
  }

  /** Compared against in bulk (vectorised) to skip a blob's zero tail a chunk at a time. */
  private static final byte[] ZEROS = new byte[4096];

  static byte[] trim(byte[] full) {
    int end = full.length;
    while (end > 0) {
      int n = Math.min(ZEROS.length, end);
      if (Arrays.mismatch(full, end - n, end, ZEROS, 0, n) >= 0) {
        break; // a non-zero byte in this chunk: find the last one byte by byte
      }
      end -= n;
    }
    while (end > 0 && full[end - 1] == 0) {
      end--;
    }
    return Arrays.copyOf(full, end);
  }

  /** The same sidecar at block-wide position {@code newIndex}. */
  public BlobSidecar at(int newIndex) {
    return new BlobSidecar(newIndex, trimmed, commitment, versionedHash, proof);
  }

  public int index() {
    return index;
  }

  /** The full 131,072-byte blob (a fresh copy each call). */
  public Blob blob() {
    return Blob.fromPrefix(trimmed);
  }

  /** The full 131,072-byte blob as bytes (one copy, for handing to a node). */
  public Bytes blobBytes() {
    return padded(trimmed);
  }

  /** The blob without its trailing zero bytes (never modified; shared, not copied). */
  byte[] trimmed() {
    return trimmed;
  }

  /** The full blob whose bytes without trailing zeros are {@code trimmed}. */
  static Bytes padded(byte[] trimmed) {
    return Bytes.wrapOwned(Arrays.copyOf(trimmed, Blob.SIZE_BYTES));
  }

  public Bytes commitment() {
    return commitment;
  }

  /** The KZG blob proof (computed on first use). */
  public Bytes proof() {
    return proof.get(trimmed, commitment);
  }

  public Hash32 versionedHash() {
    return versionedHash;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof BlobSidecar s && index == s.index && versionedHash.equals(s.versionedHash)
        && Arrays.equals(trimmed, s.trimmed);
  }

  @Override
  public int hashCode() {
    return 31 * index + versionedHash.hashCode();
  }

  @Override
  public String toString() {
    return "BlobSidecar[index=" + index + ", versionedHash=" + versionedHash + "]";
  }
}
