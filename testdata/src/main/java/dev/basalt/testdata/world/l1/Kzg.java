package dev.basalt.testdata.world.l1;

import dev.basalt.core.crypto.Keccak;
import dev.basalt.core.derive.blob.Blob;
import dev.basalt.core.types.Bytes;
import dev.basalt.core.types.Hash32;
import ethereum.ckzg4844.CKZG4844JNI;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * KZG commitments, proofs and versioned hashes of the simulated L1's blobs. Real ones come from
 * c-kzg-4844 (through jc-kzg-4844) with the mainnet trusted setup bundled under {@code /kzg}, so a
 * client that verifies blobs against their commitments accepts the world's blobs.
 *
 * <p>Fallback: when the native library cannot load on this platform, commitments and proofs are
 * pseudo values (48 bytes derived from keccak256 of the blob, first byte 0xc0 like a compressed G1
 * point) and {@link #isReal()} says so. Versioned hashes are always {@code 0x01 ‖ sha256(commitment)[1:]}
 * (EIP-4844), so blob transactions stay consistent with their sidecars either way.
 */
public final class Kzg {
  /** EIP-4844's {@code VERSIONED_HASH_VERSION_KZG}. */
  public static final byte VERSIONED_HASH_VERSION = 0x01;

  public static final int COMMITMENT_BYTES = 48;
  private static final String SETUP_RESOURCE = "/kzg/trusted_setup.txt";
  private static final Object LOCK = new Object();
  private static Boolean real;

  private Kzg() {}

  /** True when commitments and proofs are real (the native library and trusted setup loaded). */
  public static boolean isReal() {
    synchronized (LOCK) {
      if (real == null) {
        real = load();
      }
      return real;
    }
  }

  /**
   * Loads library and setup unless another component of this process (the node's beacon adapter,
   * in a devnet) did. {@code loadNativeLibrary} has no guard: each call loads another copy of the
   * library with its own empty setup, and a native method may bind to that copy ("Trusted Setup is
   * not loaded"). So the library is loaded only when a native call shows it missing, under the
   * binding class's monitor, which every loader in this code base holds.
   */
  private static boolean load() {
    try {
      synchronized (CKZG4844JNI.class) {
        try {
          // Precompute 0: loading stays fast (tests start many worlds); proofs are rare enough.
          CKZG4844JNI.loadTrustedSetupFromResource(SETUP_RESOURCE, Kzg.class, 0);
        } catch (UnsatisfiedLinkError notLoadedYet) {
          CKZG4844JNI.loadNativeLibrary();
          CKZG4844JNI.loadTrustedSetupFromResource(SETUP_RESOURCE, Kzg.class, 0);
        }
      }
      return true;
    } catch (RuntimeException e) {
      // Loaded by another component of this process first: the setup is the same mainnet one.
      return String.valueOf(e.getMessage()).contains("already loaded");
    } catch (LinkageError e) {
      return false;
    }
  }

  /** The blob's 48-byte commitment. */
  public static Bytes commitment(Blob blob) {
    if (isReal()) {
      synchronized (LOCK) {
        return Bytes.wrapOwned(CKZG4844JNI.blobToKzgCommitment(blob.toArray()));
      }
    }
    return pseudo((byte) 0xc0, blob, "commitment");
  }

  /** The blob proof (EIP-4844 {@code compute_blob_kzg_proof}) for {@code commitment}. */
  public static Bytes proof(Blob blob, Bytes commitment) {
    if (isReal()) {
      synchronized (LOCK) {
        return Bytes.wrapOwned(CKZG4844JNI.computeBlobKzgProof(blob.toArray(), commitment.toArray()));
      }
    }
    return pseudo((byte) 0xc0, blob, "proof");
  }

  /** True when {@code proof} proves {@code blob} against {@code commitment} (always false for pseudo values). */
  public static boolean verify(Blob blob, Bytes commitment, Bytes proof) {
    if (!isReal()) {
      return false;
    }
    synchronized (LOCK) {
      return CKZG4844JNI.verifyBlobKzgProof(blob.toArray(), commitment.toArray(), proof.toArray());
    }
  }

  /** {@code 0x01 ‖ sha256(commitment)[1:]}. */
  public static Hash32 versionedHash(Bytes commitment) {
    byte[] h = sha256(commitment.toArray());
    h[0] = VERSIONED_HASH_VERSION;
    return Hash32.wrap(h);
  }

  /**
   * A {@link BlobCommitments#PSEUDO} commitment or proof ({@code domain}) of the blob whose bytes
   * without trailing zeros are {@code trimmed}: hashing only those keeps it cheap for the mostly
   * empty blobs a batcher posts, and a blob has a fixed size, so {@code trimmed} identifies it.
   */
  static Bytes pseudoOfTrimmed(String domain, byte[] trimmed) {
    return pseudo((byte) 0xc0, domain, trimmed);
  }

  private static Bytes pseudo(byte first, Blob blob, String domain) {
    return pseudo(first, domain, blob.toArray());
  }

  private static Bytes pseudo(byte first, String domain, byte[] content) {
    byte[] a = Keccak.hash(domain.getBytes(java.nio.charset.StandardCharsets.UTF_8), content).toArray();
    byte[] b = Keccak.hash(a).toArray();
    byte[] out = new byte[COMMITMENT_BYTES];
    System.arraycopy(a, 0, out, 0, 32);
    System.arraycopy(b, 0, out, 32, 16);
    out[0] = first;
    return Bytes.wrapOwned(out);
  }

  /** One digest per thread: looking the algorithm up showed in profiles of blob-heavy worlds. */
  private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required on every JDK", e);
    }
  });

  static byte[] sha256(byte[] data) {
    return SHA256.get().digest(data); // digest() resets the instance for the next use
  }
}
