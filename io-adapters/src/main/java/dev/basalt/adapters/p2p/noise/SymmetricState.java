package dev.basalt.adapters.p2p.noise;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** The Noise SymmetricState for SHA-256: chaining key, handshake hash and the handshake cipher. */
final class SymmetricState {
  static final String PROTOCOL_NAME = "Noise_XX_25519_ChaChaPoly_SHA256";

  private byte[] ck;
  private byte[] h;
  private final CipherState cipher = new CipherState();

  SymmetricState() {
    byte[] name = PROTOCOL_NAME.getBytes(StandardCharsets.US_ASCII); // exactly 32 bytes: used as is
    h = name.clone();
    ck = name.clone();
  }

  void mixHash(byte[] data) {
    h = sha256(h, data);
  }

  void mixKey(byte[] ikm) {
    byte[][] out = hkdf(ck, ikm);
    ck = out[0];
    cipher.initializeKey(out[1]);
  }

  byte[] encryptAndHash(byte[] plaintext) throws NoiseException {
    byte[] c = cipher.encrypt(h, plaintext, 0, plaintext.length);
    mixHash(c);
    return c;
  }

  byte[] decryptAndHash(byte[] ciphertext) throws NoiseException {
    byte[] p = cipher.decrypt(h, ciphertext, 0, ciphertext.length);
    mixHash(ciphertext);
    return p;
  }

  boolean hasKey() {
    return cipher.hasKey();
  }

  /** The two transport cipher states: [0] initiator → responder, [1] responder → initiator. */
  CipherState[] split() {
    byte[][] out = hkdf(ck, new byte[0]);
    CipherState c1 = new CipherState();
    c1.initializeKey(out[0]);
    CipherState c2 = new CipherState();
    c2.initializeKey(out[1]);
    return new CipherState[] {c1, c2};
  }

  static byte[][] hkdf(byte[] chainingKey, byte[] ikm) {
    byte[] temp = hmac(chainingKey, ikm);
    byte[] out1 = hmac(temp, new byte[] {1});
    byte[] in2 = new byte[33];
    System.arraycopy(out1, 0, in2, 0, 32);
    in2[32] = 2;
    byte[] out2 = hmac(temp, in2);
    return new byte[][] {out1, out2};
  }

  private static byte[] hmac(byte[] key, byte[] data) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac.doFinal(data);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] sha256(byte[] a, byte[] b) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      md.update(a);
      md.update(b);
      return md.digest();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
