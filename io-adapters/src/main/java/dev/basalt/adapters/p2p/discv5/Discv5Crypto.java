package dev.basalt.adapters.p2p.discv5;

import dev.basalt.adapters.p2p.enr.NodeId;
import dev.basalt.adapters.p2p.enr.NodeKey;
import dev.basalt.adapters.p2p.enr.Secp256k1;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.generators.HKDFBytesGenerator;
import org.bouncycastle.crypto.params.HKDFParameters;
import org.bouncycastle.math.ec.ECPoint;

/**
 * discv5.1 cryptography (discv5-theory.md "Handshake Steps"): header masking with AES-128-CTR,
 * message encryption with AES-128-GCM, session keys from ECDH + HKDF-SHA256, and the id-signature.
 */
public final class Discv5Crypto {
  private static final byte[] KDF_INFO_TEXT = "discovery v5 key agreement".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] ID_SIGNATURE_TEXT = "discovery v5 identity proof".getBytes(StandardCharsets.US_ASCII);
  static final int GCM_TAG_BYTES = 16;

  private Discv5Crypto() {}

  /** Keys of a new session; {@code initiatorKey} encrypts what the handshake initiator sends. */
  public record SessionKeys(byte[] initiatorKey, byte[] recipientKey) {}

  public static SessionKeys deriveKeys(byte[] sharedSecret, byte[] challengeData, NodeId initiator, NodeId recipient) {
    ByteArrayOutputStream info = new ByteArrayOutputStream();
    info.writeBytes(KDF_INFO_TEXT);
    info.writeBytes(initiator.toBytes());
    info.writeBytes(recipient.toBytes());
    HKDFBytesGenerator hkdf = new HKDFBytesGenerator(new SHA256Digest());
    hkdf.init(new HKDFParameters(sharedSecret, challengeData, info.toByteArray()));
    byte[] out = new byte[32];
    hkdf.generateBytes(out, 0, 32);
    return new SessionKeys(Arrays.copyOfRange(out, 0, 16), Arrays.copyOfRange(out, 16, 32));
  }

  private static byte[] idSignatureHash(byte[] challengeData, byte[] ephemeralPubkey, NodeId destination) {
    ByteArrayOutputStream in = new ByteArrayOutputStream();
    in.writeBytes(ID_SIGNATURE_TEXT);
    in.writeBytes(challengeData);
    in.writeBytes(ephemeralPubkey);
    in.writeBytes(destination.toBytes());
    return Secp256k1.sha256(in.toByteArray());
  }

  public static byte[] idSign(NodeKey key, byte[] challengeData, byte[] ephemeralPubkey, NodeId destination) {
    return key.sign(idSignatureHash(challengeData, ephemeralPubkey, destination));
  }

  public static boolean idVerify(ECPoint signer, byte[] signature, byte[] challengeData, byte[] ephemeralPubkey,
      NodeId destination) {
    return Secp256k1.verify(signer, idSignatureHash(challengeData, ephemeralPubkey, destination), signature);
  }

  public static byte[] aesCtr(byte[] key16, byte[] iv16, byte[] data, int offset, int length) {
    try {
      Cipher c = Cipher.getInstance("AES/CTR/NoPadding");
      c.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key16, "AES"), new IvParameterSpec(iv16));
      return c.doFinal(data, offset, length);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES/CTR unavailable", e);
    }
  }

  public static byte[] aesGcmEncrypt(byte[] key16, byte[] nonce12, byte[] plaintext, byte[] ad) {
    try {
      Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
      c.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key16, "AES"), new GCMParameterSpec(GCM_TAG_BYTES * 8, nonce12));
      c.updateAAD(ad);
      return c.doFinal(plaintext);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES/GCM unavailable", e);
    }
  }

  /** Decrypts and authenticates; a wrong key or a tampered packet is a {@link Discv5Exception}. */
  public static byte[] aesGcmDecrypt(byte[] key16, byte[] nonce12, byte[] ciphertext, byte[] ad) throws Discv5Exception {
    if (ciphertext.length < GCM_TAG_BYTES) {
      throw new Discv5Exception("message shorter than the GCM tag");
    }
    try {
      Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
      c.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key16, "AES"), new GCMParameterSpec(GCM_TAG_BYTES * 8, nonce12));
      c.updateAAD(ad);
      return c.doFinal(ciphertext);
    } catch (AEADBadTagException e) {
      throw new Discv5Exception("message authentication failed");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES/GCM unavailable", e);
    }
  }
}
