package dev.basalt.adapters.p2p.noise;

import java.security.GeneralSecurityException;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/** A Noise CipherState: ChaCha20-Poly1305 with a 64-bit little-endian counter nonce. */
public final class CipherState {
  public static final int TAG = 16;

  private final Cipher cipher;
  private SecretKeySpec key;
  private long nonce;

  CipherState() {
    try {
      cipher = Cipher.getInstance("ChaCha20-Poly1305");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK lacks ChaCha20-Poly1305", e);
    }
  }

  void initializeKey(byte[] k) {
    key = new SecretKeySpec(k, "ChaCha20");
    nonce = 0;
  }

  boolean hasKey() {
    return key != null;
  }

  public byte[] encrypt(byte[] ad, byte[] plaintext, int offset, int length) throws NoiseException {
    if (key == null) {
      return java.util.Arrays.copyOfRange(plaintext, offset, offset + length);
    }
    try {
      cipher.init(Cipher.ENCRYPT_MODE, key, nextNonce());
      if (ad != null) {
        cipher.updateAAD(ad);
      }
      return cipher.doFinal(plaintext, offset, length);
    } catch (GeneralSecurityException e) {
      throw new NoiseException("encryption failed: " + e.getMessage(), false);
    }
  }

  /** Encrypts into {@code out} at {@code outOffset}; returns the ciphertext length (plaintext + tag). */
  public int encryptInto(byte[] plaintext, int offset, int length, byte[] out, int outOffset) throws NoiseException {
    try {
      cipher.init(Cipher.ENCRYPT_MODE, key, nextNonce());
      return cipher.doFinal(plaintext, offset, length, out, outOffset);
    } catch (GeneralSecurityException e) {
      throw new NoiseException("encryption failed: " + e.getMessage(), false);
    }
  }

  public byte[] decrypt(byte[] ad, byte[] ciphertext, int offset, int length) throws NoiseException {
    if (key == null) {
      return java.util.Arrays.copyOfRange(ciphertext, offset, offset + length);
    }
    if (length < TAG) {
      throw new NoiseException("ciphertext shorter than its tag", false);
    }
    try {
      cipher.init(Cipher.DECRYPT_MODE, key, nextNonce());
      if (ad != null) {
        cipher.updateAAD(ad);
      }
      return cipher.doFinal(ciphertext, offset, length);
    } catch (GeneralSecurityException e) {
      throw new NoiseException("decryption failed (bad tag)", false);
    }
  }

  private IvParameterSpec nextNonce() throws NoiseException {
    if (nonce == -1L) {
      throw new NoiseException("nonce exhausted", false);
    }
    byte[] iv = new byte[12];
    long n = nonce++;
    for (int i = 0; i < 8; i++) {
      iv[4 + i] = (byte) (n >>> (8 * i));
    }
    return new IvParameterSpec(iv);
  }
}
