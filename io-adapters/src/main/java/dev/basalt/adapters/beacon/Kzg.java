package dev.basalt.adapters.beacon;

import dev.basalt.core.types.Bytes;
import dev.basalt.core.types.Hash32;
import ethereum.ckzg4844.CKZG4844JNI;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * EIP-4844 KZG through c-kzg-4844's Java binding ({@code jc-kzg-4844}, native code bundled), with
 * the mainnet trusted setup shipped in this jar (see {@code TRUSTED_SETUP_PROVENANCE.md} beside
 * it). The binding keeps one process-wide setup, so loading happens once, lazily, under a lock;
 * it takes about 2 s, which {@link #warmUp()} moves off the first blob request.
 */
final class Kzg {
  static final int BLOB_BYTES = 131_072;
  static final int COMMITMENT_BYTES = 48;
  static final int PROOF_BYTES = 48;
  static final String TRUSTED_SETUP = "/dev/basalt/adapters/beacon/trusted_setup.txt";

  private static final Logger LOG = LoggerFactory.getLogger(Kzg.class);
  private static final Object LOCK = new Object();
  private static volatile String state; // null: not tried; "": loaded; else: why unavailable

  private Kzg() {}

  /** Loads the library and setup if not done yet; true when KZG can be used. */
  static boolean warmUp() {
    String s = state;
    if (s != null) {
      return s.isEmpty();
    }
    synchronized (LOCK) {
      if (state == null) {
        state = load();
      }
      return state.isEmpty();
    }
  }

  /** Why KZG cannot be used, or "" when it can. */
  static String unavailableReason() {
    warmUp();
    return state;
  }

  /**
   * Loads library and setup unless another component of this process did. {@code
   * loadNativeLibrary} has no guard: every call extracts and loads another copy of the library,
   * each with its own (empty) setup, and a native method may then bind to a copy whose setup was
   * never loaded ("Trusted Setup is not loaded"). So the library is loaded only when a native call
   * shows it missing, under the binding class's monitor, which every loader in this code base holds.
   */
  private static String load() {
    long start = System.nanoTime();
    try {
      synchronized (CKZG4844JNI.class) {
        try {
          CKZG4844JNI.loadTrustedSetupFromResource(TRUSTED_SETUP, Kzg.class, 0);
        } catch (UnsatisfiedLinkError notLoadedYet) {
          CKZG4844JNI.loadNativeLibrary();
          CKZG4844JNI.loadTrustedSetupFromResource(TRUSTED_SETUP, Kzg.class, 0);
        }
      }
      LOG.info("KZG trusted setup loaded in {} ms", (System.nanoTime() - start) / 1_000_000);
      return "";
    } catch (RuntimeException | LinkageError e) {
      if (String.valueOf(e.getMessage()).contains("already loaded")) {
        return ""; // another component of this process loaded it first
      }
      LOG.warn("KZG unavailable, blobs are checked by sidecar commitment only: {}", e.toString());
      return e.toString();
    }
  }

  /** True when {@code proof} proves that {@code commitment} commits to {@code blob}. */
  static boolean verifyBlobProof(Bytes blob, Bytes commitment, Bytes proof) {
    return CKZG4844JNI.verifyBlobKzgProof(blob.toArray(), commitment.toArray(), proof.toArray());
  }

  /** The KZG commitment of {@code blob}. */
  static Bytes commitment(Bytes blob) {
    return Bytes.wrapOwned(CKZG4844JNI.blobToKzgCommitment(blob.toArray()));
  }

  /** EIP-4844 {@code kzg_to_versioned_hash}: {@code 0x01 || sha256(commitment)[1:]}. */
  static Hash32 versionedHash(Bytes commitment) {
    try {
      byte[] h = MessageDigest.getInstance("SHA-256").digest(commitment.toArray());
      h[0] = 0x01;
      return Hash32.wrap(h);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
