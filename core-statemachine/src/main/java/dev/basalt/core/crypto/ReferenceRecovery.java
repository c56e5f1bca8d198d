package dev.basalt.core.crypto;

import java.math.BigInteger;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.math.ec.ECAlgorithms;
import org.bouncycastle.math.ec.ECCurve;
import org.bouncycastle.math.ec.ECFieldElement;
import org.bouncycastle.math.ec.ECPoint;

/**
 * Public-key recovery by BouncyCastle's generic curve arithmetic (SEC 1 §4.1.6 for recovery ids 0
 * and 1): the reference the fast {@link Secp256k1Recovery} is tested and benchmarked against. Takes
 * the same pre-checked inputs and answers the same way (null when there is no key).
 */
public final class ReferenceRecovery {
  private static final X9ECParameters PARAMS = CustomNamedCurves.getByName("secp256k1");
  private static final ECCurve CURVE = PARAMS.getCurve();
  private static final ECPoint G = PARAMS.getG();

  private ReferenceRecovery() {}

  /** The 64-byte public key (x ‖ y) for hash value e and 1 <= r, s < n, or null. */
  public static byte[] recover(BigInteger e, BigInteger r, BigInteger s, boolean oddY) {
    ECFieldElement x = CURVE.fromBigInteger(r);
    ECFieldElement beta = x.square().multiply(x).add(CURVE.getB()).sqrt();
    if (beta == null) {
      return null;
    }
    if (beta.testBitZero() != oddY) {
      beta = beta.negate();
    }
    ECPoint bigR = CURVE.createPoint(r, beta.toBigInteger());
    BigInteger rInverse = r.modInverse(Secp256k1.N);
    BigInteger u1 = e.negate().multiply(rInverse).mod(Secp256k1.N);
    BigInteger u2 = s.multiply(rInverse).mod(Secp256k1.N);
    ECPoint q = ECAlgorithms.sumOfTwoMultiplies(G, u1, bigR, u2).normalize();
    if (q.isInfinity()) {
      return null;
    }
    byte[] encoded = q.getEncoded(false);
    byte[] out = new byte[64];
    System.arraycopy(encoded, 1, out, 0, 64);
    return out;
  }

  /** For benchmarks: whether a known key signed (e, r, s, y parity), 1 <= r, s < n. */
  public interface KnownKeyCheck {
    boolean signed(BigInteger e, BigInteger r, BigInteger s, boolean oddY);
  }

  /** A benchmark entry for {@link KnownSigner}: builds the key's table, answers its check. */
  public static KnownKeyCheck knownKey(dev.basalt.core.types.Bytes publicKey) {
    return new KnownSigner(publicKey)::signed;
  }

  /** A fast-path entry for benchmarks: the same inputs through {@link Secp256k1Recovery}. */
  public static byte[] recoverFast(BigInteger e, BigInteger r, BigInteger s, boolean oddY) {
    return Secp256k1Recovery.recover(e, r, s, oddY);
  }
}
