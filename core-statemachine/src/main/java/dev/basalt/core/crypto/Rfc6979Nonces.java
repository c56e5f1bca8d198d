package dev.basalt.core.crypto;

import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/**
 * RFC 6979 §3.2 deterministic nonces with HMAC-SHA256, for a group order n of exactly 256 bits and
 * a 32-byte message hash: the same K and V chain, the same candidates and the same rejections
 * (k = 0 or k >= n draws again) as BouncyCastle's HMacDSAKCalculator, so signatures are unchanged,
 * over the JDK's SHA-256 (whose compression the JVM runs on the CPU's SHA instructions where there
 * are some; BouncyCastle's pure-Java digest made a quarter of a signature's cost). HMAC is spelled
 * out (H(K ^ opad ‖ H(K ^ ipad ‖ data))) with one digest object. One instance per signature; not
 * thread-safe.
 */
final class Rfc6979Nonces {
  private static final int BLOCK = 64;
  private static final int SIZE = 32;

  /** Never updated, only cloned: a fresh digest without a provider lookup per signature. */
  private static final MessageDigest SHA256_PROTOTYPE = newSha256();

  private final BigInteger n;
  private final MessageDigest sha;
  private final byte[] k = new byte[SIZE];
  private final byte[] v = new byte[SIZE];
  private final byte[] innerPad = new byte[BLOCK];
  private final byte[] outerPad = new byte[BLOCK];
  private final byte[] innerHash = new byte[SIZE];

  /** The nonces for secret 0 < d < n and a 32-byte message hash (reduced mod n, as RFC 6979 says). */
  Rfc6979Nonces(BigInteger n, BigInteger d, byte[] message) {
    if (n.bitLength() != 256 || message.length != SIZE) {
      throw new IllegalArgumentException("a 256-bit order and a 32-byte message are needed");
    }
    this.n = n;
    this.sha = cloneSha256();
    BigInteger m = new BigInteger(1, message);
    if (m.compareTo(n) >= 0) {
      m = m.subtract(n);
    }
    byte[] x = bytes32(d);
    byte[] h = bytes32(m);
    Arrays.fill(v, (byte) 0x01);
    // K = HMAC_K(V ‖ 0x00 ‖ x ‖ h), V = HMAC_K(V), K = HMAC_K(V ‖ 0x01 ‖ x ‖ h), V = HMAC_K(V).
    for (int round = 0; round < 2; round++) {
      key(k);
      begin();
      sha.update(v);
      sha.update((byte) round);
      sha.update(x);
      sha.update(h);
      end(k);
      key(k);
      begin();
      sha.update(v);
      end(v);
    }
  }

  /** The next candidate nonce in [1, n). */
  BigInteger next() {
    while (true) {
      begin();
      sha.update(v);
      end(v);
      BigInteger candidate = new BigInteger(1, v);
      if (candidate.signum() > 0 && candidate.compareTo(n) < 0) {
        return candidate;
      }
      // K = HMAC_K(V ‖ 0x00), V = HMAC_K(V), then try again.
      begin();
      sha.update(v);
      sha.update((byte) 0x00);
      end(k);
      key(k);
      begin();
      sha.update(v);
      end(v);
    }
  }

  /** Sets the HMAC key (32 bytes, zero-padded to the block). */
  private void key(byte[] key) {
    for (int i = 0; i < BLOCK; i++) {
      byte b = i < key.length ? key[i] : 0;
      innerPad[i] = (byte) (b ^ 0x36);
      outerPad[i] = (byte) (b ^ 0x5c);
    }
  }

  private void begin() {
    sha.update(innerPad);
  }

  /** Finishes the HMAC whose data followed {@link #begin()}, into out (32 bytes). */
  private void end(byte[] out) {
    try {
      sha.digest(innerHash, 0, SIZE);
      sha.update(outerPad);
      sha.update(innerHash);
      sha.digest(out, 0, SIZE);
    } catch (java.security.DigestException e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] bytes32(BigInteger value) {
    byte[] be = value.toByteArray();
    byte[] out = new byte[SIZE];
    int length = Math.min(be.length, SIZE);
    System.arraycopy(be, be.length - length, out, SIZE - length, length);
    return out;
  }

  private static MessageDigest newSha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  private static MessageDigest cloneSha256() {
    try {
      return (MessageDigest) SHA256_PROTOTYPE.clone();
    } catch (CloneNotSupportedException e) {
      return newSha256();
    }
  }
}
