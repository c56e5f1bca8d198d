package dev.basalt.adapters.p2p.identity;

import dev.basalt.adapters.p2p.wire.ProtoReader;
import dev.basalt.adapters.p2p.wire.ProtoWriter;
import dev.basalt.adapters.p2p.wire.WireException;
import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.math.ec.ECPoint;

/**
 * A libp2p secp256k1 public key: the 33-byte compressed point, its protobuf {@code PublicKey}
 * encoding ({@code Type = Secp256k1 (2)}) and signature verification (ECDSA over SHA-256, DER).
 */
public final class Secp256k1PublicKey {
  /** libp2p {@code KeyType} enum value for secp256k1. */
  public static final int KEY_TYPE = 2;

  private final byte[] compressed;
  private final ECPoint point;

  private Secp256k1PublicKey(byte[] compressed, ECPoint point) {
    this.compressed = compressed;
    this.point = point;
  }

  /** From a 33-byte compressed (or 65-byte uncompressed) point; rejects points off the curve. */
  public static Secp256k1PublicKey fromBytes(byte[] encoded) {
    if (encoded.length != 33 && encoded.length != 65) {
      throw new IllegalArgumentException("secp256k1 public key must have 33 or 65 bytes, got " + encoded.length);
    }
    ECPoint p = Secp256k1Curve.CURVE.getCurve().decodePoint(encoded).normalize();
    if (p.isInfinity() || !p.isValid()) {
      throw new IllegalArgumentException("not a secp256k1 point");
    }
    return new Secp256k1PublicKey(p.getEncoded(true), p);
  }

  static Secp256k1PublicKey fromPoint(ECPoint p) {
    ECPoint n = p.normalize();
    return new Secp256k1PublicKey(n.getEncoded(true), n);
  }

  /** Decodes a protobuf {@code PublicKey}; only secp256k1 keys are accepted. */
  public static Secp256k1PublicKey fromProtobuf(byte[] encoded) throws WireException {
    ProtoReader r = new ProtoReader(encoded);
    long type = -1;
    byte[] data = null;
    while (r.next()) {
      if (r.field() == 1) {
        type = r.varint();
      } else if (r.field() == 2) {
        data = r.bytes();
      }
    }
    if (type != KEY_TYPE) {
      throw new WireException("public key type " + type + " is not secp256k1 (" + KEY_TYPE + ")");
    }
    if (data == null) {
      throw new WireException("public key without data");
    }
    try {
      return fromBytes(data);
    } catch (IllegalArgumentException e) {
      throw new WireException("bad secp256k1 public key: " + e.getMessage());
    }
  }

  /** The 33-byte compressed point. */
  public byte[] compressed() {
    return compressed.clone();
  }

  /** The protobuf {@code PublicKey{Type=Secp256k1, Data=compressed}}. */
  public byte[] toProtobuf() {
    return new ProtoWriter().varint(1, KEY_TYPE).bytes(2, compressed).toByteArray();
  }

  public PeerId peerId() {
    return PeerId.fromPublicKey(this);
  }

  /** Verifies a DER ECDSA signature over SHA-256({@code message}); high-S signatures are accepted. */
  public boolean verify(byte[] message, byte[] derSignature) {
    BigInteger[] rs = parseDer(derSignature);
    if (rs == null) {
      return false;
    }
    ECDSASigner verifier = new ECDSASigner();
    verifier.init(false, new ECPublicKeyParameters(point, Secp256k1Curve.DOMAIN));
    return verifier.verifySignature(sha256(message), rs[0], rs[1]);
  }

  private static BigInteger[] parseDer(byte[] der) {
    if (der.length < 8 || der.length > 72) {
      return null;
    }
    try {
      ASN1Primitive prim = ASN1Primitive.fromByteArray(der);
      if (!(prim instanceof ASN1Sequence seq) || seq.size() != 2) {
        return null;
      }
      if (!Arrays.equals(seq.getEncoded("DER"), der)) {
        return null;
      }
      BigInteger r = ASN1Integer.getInstance(seq.getObjectAt(0)).getPositiveValue();
      BigInteger s = ASN1Integer.getInstance(seq.getObjectAt(1)).getPositiveValue();
      BigInteger n = Secp256k1Curve.DOMAIN.getN();
      if (r.signum() <= 0 || s.signum() <= 0 || r.compareTo(n) >= 0 || s.compareTo(n) >= 0) {
        return null;
      }
      return new BigInteger[] {r, s};
    } catch (Exception e) {
      return null;
    }
  }

  static byte[] sha256(byte[] message) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(message);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Secp256k1PublicKey k && Arrays.equals(compressed, k.compressed);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(compressed);
  }

  @Override
  public String toString() {
    return "secp256k1:" + HexFormat.of().formatHex(compressed);
  }
}
