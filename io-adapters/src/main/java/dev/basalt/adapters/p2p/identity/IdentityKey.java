package dev.basalt.adapters.p2p.identity;

import java.io.IOException;
import java.math.BigInteger;
import java.security.SecureRandom;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;

/**
 * A node's secp256k1 identity key: signs libp2p messages (Noise handshake payloads) and names the
 * node by its {@link PeerId}. The same key is op-node's {@code --p2p.priv.path} key and the discv5
 * node key.
 */
public final class IdentityKey {
  private final BigInteger secret;
  private final Secp256k1PublicKey publicKey;
  private final PeerId peerId;

  private IdentityKey(BigInteger secret) {
    this.secret = secret;
    this.publicKey = Secp256k1PublicKey.fromPoint(Secp256k1Curve.DOMAIN.getG().multiply(secret));
    this.peerId = publicKey.peerId();
  }

  /** From the 32-byte big-endian secret; rejects 0 and values ≥ the group order. */
  public static IdentityKey fromSecret(byte[] secret32) {
    if (secret32.length != 32) {
      throw new IllegalArgumentException("secp256k1 private key must have 32 bytes, got " + secret32.length);
    }
    BigInteger d = new BigInteger(1, secret32);
    if (d.signum() == 0 || d.compareTo(Secp256k1Curve.DOMAIN.getN()) >= 0) {
      throw new IllegalArgumentException("secp256k1 private key out of range");
    }
    return new IdentityKey(d);
  }

  public static IdentityKey generate(SecureRandom random) {
    byte[] secret = new byte[32];
    while (true) {
      random.nextBytes(secret);
      BigInteger d = new BigInteger(1, secret);
      if (d.signum() > 0 && d.compareTo(Secp256k1Curve.DOMAIN.getN()) < 0) {
        return new IdentityKey(d);
      }
    }
  }

  public Secp256k1PublicKey publicKey() {
    return publicKey;
  }

  public PeerId peerId() {
    return peerId;
  }

  /** The 32-byte big-endian secret (for saving the key in op-node's hex format). */
  public byte[] secret() {
    byte[] raw = secret.toByteArray();
    byte[] out = new byte[32];
    int copy = Math.min(32, raw.length);
    System.arraycopy(raw, raw.length - copy, out, 32 - copy, copy);
    return out;
  }

  /** A libp2p signature: deterministic (RFC 6979) low-S ECDSA over SHA-256({@code message}), DER. */
  public byte[] sign(byte[] message) {
    ECDSASigner signer = new ECDSASigner(new HMacDSAKCalculator(new SHA256Digest()));
    signer.init(true, new ECPrivateKeyParameters(secret, Secp256k1Curve.DOMAIN));
    BigInteger[] rs = signer.generateSignature(Secp256k1PublicKey.sha256(message));
    BigInteger n = Secp256k1Curve.DOMAIN.getN();
    BigInteger s = rs[1].compareTo(n.shiftRight(1)) > 0 ? n.subtract(rs[1]) : rs[1];
    ASN1EncodableVector v = new ASN1EncodableVector();
    v.add(new ASN1Integer(rs[0]));
    v.add(new ASN1Integer(s));
    try {
      return new DERSequence(v).getEncoded("DER");
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public String toString() {
    return "IdentityKey[" + peerId + "]";
  }
}
