package dev.basalt.adapters.p2p.enr;

import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.digests.KeccakDigest;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;
import org.bouncycastle.math.ec.ECPoint;

/**
 * The secp256k1 operations discovery needs: the v4 identity scheme's {@code r || s} signatures over
 * a 32-byte hash, point (de)compression, and discv5's ECDH (compressed shared point).
 */
public final class Secp256k1 {
  private static final X9ECParameters CURVE = CustomNamedCurves.getByName("secp256k1");
  public static final ECDomainParameters DOMAIN =
      new ECDomainParameters(CURVE.getCurve(), CURVE.getG(), CURVE.getN(), CURVE.getH());
  private static final BigInteger HALF_N = CURVE.getN().shiftRight(1);

  private Secp256k1() {}

  /** Decodes a 33-byte compressed or 65-byte uncompressed key; rejects points off the curve. */
  public static ECPoint decodePoint(byte[] encoded) throws EnrException {
    if (encoded.length != 33 && encoded.length != 65) {
      throw new EnrException("secp256k1 public key must have 33 or 65 bytes, got " + encoded.length);
    }
    try {
      ECPoint p = DOMAIN.getCurve().decodePoint(encoded).normalize();
      if (p.isInfinity() || !p.isValid()) {
        throw new EnrException("secp256k1 point not on the curve");
      }
      return p;
    } catch (IllegalArgumentException | ArithmeticException e) {
      throw new EnrException("invalid secp256k1 public key: " + e.getMessage());
    }
  }

  /** A 64-byte uncompressed key without the 0x04 prefix (as in {@code enode://} URLs). */
  public static ECPoint decodeRaw64(byte[] xy) throws EnrException {
    if (xy.length != 64) {
      throw new EnrException("raw public key must have 64 bytes, got " + xy.length);
    }
    byte[] full = new byte[65];
    full[0] = 4;
    System.arraycopy(xy, 0, full, 1, 64);
    return decodePoint(full);
  }

  public static byte[] compress(ECPoint p) {
    return p.getEncoded(true);
  }

  /** x || y, 64 bytes. */
  public static byte[] raw64(ECPoint p) {
    byte[] full = p.normalize().getEncoded(false);
    byte[] out = new byte[64];
    System.arraycopy(full, 1, out, 0, 64);
    return out;
  }

  public static ECPoint publicKey(BigInteger secret) {
    return DOMAIN.getG().multiply(secret).normalize();
  }

  /** Deterministic (RFC 6979) low-S ECDSA over a 32-byte hash, encoded {@code r || s}. */
  public static byte[] sign(BigInteger secret, byte[] hash32) {
    ECDSASigner signer = new ECDSASigner(new HMacDSAKCalculator(new SHA256Digest()));
    signer.init(true, new ECPrivateKeyParameters(secret, DOMAIN));
    BigInteger[] rs = signer.generateSignature(hash32);
    BigInteger s = rs[1].compareTo(HALF_N) > 0 ? DOMAIN.getN().subtract(rs[1]) : rs[1];
    byte[] out = new byte[64];
    put32(rs[0], out, 0);
    put32(s, out, 32);
    return out;
  }

  /** Verifies an {@code r || s} signature (64 bytes; a 65th recovery byte is ignored). */
  public static boolean verify(ECPoint publicKey, byte[] hash32, byte[] signature) {
    if (signature.length != 64 && signature.length != 65) {
      return false;
    }
    BigInteger r = new BigInteger(1, java.util.Arrays.copyOfRange(signature, 0, 32));
    BigInteger s = new BigInteger(1, java.util.Arrays.copyOfRange(signature, 32, 64));
    BigInteger n = DOMAIN.getN();
    if (r.signum() == 0 || s.signum() == 0 || r.compareTo(n) >= 0 || s.compareTo(n) >= 0) {
      return false;
    }
    ECDSASigner verifier = new ECDSASigner();
    verifier.init(false, new ECPublicKeyParameters(publicKey, DOMAIN));
    return verifier.verifySignature(hash32, r, s);
  }

  /** discv5 ECDH: the compressed encoding of {@code publicKey * secret} (33 bytes). */
  public static byte[] ecdh(ECPoint publicKey, BigInteger secret) {
    return publicKey.multiply(secret).normalize().getEncoded(true);
  }

  public static byte[] keccak256(byte[] data) {
    KeccakDigest d = new KeccakDigest(256);
    d.update(data, 0, data.length);
    byte[] out = new byte[32];
    d.doFinal(out, 0);
    return out;
  }

  public static byte[] sha256(byte[] data) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(data);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 missing from the JDK", e);
    }
  }

  /** Rejects 0 and values at or above the group order. */
  public static BigInteger secretFrom(byte[] secret32) {
    if (secret32.length != 32) {
      throw new IllegalArgumentException("secp256k1 private key must have 32 bytes, got " + secret32.length);
    }
    BigInteger d = new BigInteger(1, secret32);
    if (d.signum() == 0 || d.compareTo(DOMAIN.getN()) >= 0) {
      throw new IllegalArgumentException("secp256k1 private key out of range");
    }
    return d;
  }

  static void put32(BigInteger v, byte[] out, int offset) {
    byte[] raw = v.toByteArray();
    int copy = Math.min(32, raw.length);
    System.arraycopy(raw, raw.length - copy, out, offset + 32 - copy, copy);
  }
}
