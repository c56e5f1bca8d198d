package dev.basalt.core.crypto;

import dev.basalt.core.types.Bytes;
import java.math.BigInteger;

/**
 * One public key Q with a {@link FixedBaseTable} of its multiples, for answering "did Q sign this?"
 * without recovering a key: the nonce point R' = u1 G + u2 Q (u1 = e / s, u2 = r / s mod n) is
 * formed from two fixed-base tables (about 70 mixed additions, no doublings, no square root) and
 * compared with the point R that recovery would start from, the one with x = r and the given y
 * parity.
 *
 * <p>Why a match answers exactly what recovery answers: recovery returns r^-1 (s R - e G). If R' = R
 * then s R = e G + r Q, so recovery returns Q itself (R exists, being R', and Q is not the point at
 * infinity). When R' differs from R the check says nothing about whom recovery would find, so
 * callers fall back to full recovery. The signature's ranges (recovery id, r, s, low s) must have
 * been checked first, as recovery checks them.
 */
final class KnownSigner {
  /** 9-bit windows: 29 windows of 256 points (about 470 KiB), built in the time of ~80 recoveries. */
  private static final int WINDOW = 9;

  private final Bytes publicKey;
  private final FixedBaseTable table;

  /** The signer with the 64-byte public key (x ‖ y) that recovery returned. */
  KnownSigner(Bytes publicKey) {
    if (publicKey.length() != 64) {
      throw new IllegalArgumentException("public key must have 64 bytes, got " + publicKey.length());
    }
    this.publicKey = publicKey;
    byte[] key = publicKey.toArray();
    long[] x = Secp256k1Field.of(new BigInteger(1, java.util.Arrays.copyOfRange(key, 0, 32)));
    long[] y = Secp256k1Field.of(new BigInteger(1, java.util.Arrays.copyOfRange(key, 32, 64)));
    this.table = new FixedBaseTable(x, y, WINDOW);
  }

  Bytes publicKey() {
    return publicKey;
  }

  /**
   * Whether recovery of (e, r, s, oddY) would return this key, for 1 <= r, s < n. False means only
   * "not shown here": the caller must then recover.
   */
  boolean signed(BigInteger e, BigInteger r, BigInteger s, boolean oddY) {
    // The scalars on limbs (Secp256k1Scalar): no BigInteger products, divisions or conversions.
    long[] u1 = FixedBaseTable.limbs(s);
    ModularInverse.ORDER.invert(u1, u1);
    long[] u2 = u1.clone();
    long[] rLimbs = FixedBaseTable.limbs(r);
    Secp256k1Scalar.mulModN(u1, FixedBaseTable.limbs(e), u1);
    Secp256k1Scalar.mulModN(u2, rLimbs, u2);
    // Both tables' entries are fetched in one go (their cache misses overlap), then added.
    FixedBaseTable.Picks picks = Secp256k1BaseTable.pick(u1, table.windows());
    table.pick(u2, picks);
    Secp256k1Point acc = new Secp256k1Point();
    picks.addTo(acc);
    if (acc.infinity) {
      return false;
    }
    // x(R') = X / Z^2 must be r itself (recovery ids 0 and 1 never mean r + n): X = r Z^2.
    long[] z2 = new long[4];
    Secp256k1Field.sqr(z2, acc.z);
    long[] rz2 = new long[4];
    Secp256k1Field.mul(rz2, rLimbs, z2); // r < n < p: its limbs are a field element
    if (!Secp256k1Field.equal(rz2, acc.x)) {
      return false;
    }
    long[] zInverse = new long[4];
    Secp256k1Field.inv(zInverse, acc.z);
    long[] zInverse3 = new long[4];
    Secp256k1Field.sqr(zInverse3, zInverse);
    Secp256k1Field.mul(zInverse3, zInverse3, zInverse);
    long[] y = new long[4];
    Secp256k1Field.mul(y, acc.y, zInverse3);
    Secp256k1Field.normalize(y);
    return ((y[0] & 1) == 1) == oddY;
  }
}
