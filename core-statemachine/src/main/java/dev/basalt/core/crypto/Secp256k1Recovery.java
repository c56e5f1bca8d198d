package dev.basalt.core.crypto;

import java.math.BigInteger;

/**
 * secp256k1 public-key recovery, Q = u1 G + u2 R with u1 = -e / r and u2 = s / r (mod n), written
 * for speed and checked against BouncyCastle ({@link ReferenceRecovery}) on seeded random and
 * malformed vectors: both scalars are split with the GLV endomorphism (λ (x, y) = (β x, y)) into
 * halves of about 128 bits, and the four halves share one doubling chain (interleaved wNAF, window
 * 10 for G from tables built once, window 5 for R
 * from an affine table made per call with one inversion, so every addition is a mixed one). Callers check the ranges of r, s and the
 * recovery id first ({@link Secp256k1#recoverPublicKey}).
 */
final class Secp256k1Recovery {
  static final BigInteger P = BigInteger.ONE.shiftLeft(256).subtract(BigInteger.valueOf(0x1000003D1L));
  static final BigInteger N = new BigInteger("FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEBAAEDCE6AF48A03BBFD25E8CD0364141", 16);
  static final BigInteger LAMBDA = new BigInteger("5363ad4cc05c30e0a5261c028812645a122e22ea20816678df02967c1b23bd72", 16);
  static final BigInteger BETA = new BigInteger("7ae96a2b657c07106e64479eac3434e99cf0497512f58995c1396c28719501ee", 16);
  private static final BigInteger A1 = new BigInteger("3086d221a7d46bcde86c90e49284eb15", 16);
  private static final BigInteger B1 = new BigInteger("-e4437ed6010e88286f547fa90abfe4c3", 16);
  private static final BigInteger A2 = new BigInteger("114ca50f7a8e2f3f657c1108d9d44cfd8", 16);
  private static final BigInteger B2 = A1;
  /** round(2^384 b2 / n) and round(2^384 (-b1) / n): c = round(k b / n) becomes a multiply and a shift. */
  private static final BigInteger G1 = roundedQuotient(B2.shiftLeft(384), N);
  private static final BigInteger G2 = roundedQuotient(B1.negate().shiftLeft(384), N);
  private static final BigInteger HALF_2_384 = BigInteger.ONE.shiftLeft(383);
  static final BigInteger GX = new BigInteger("79BE667EF9DCBBAC55A06295CE870B07029BFCDB2DCE28D959F2815B16F81798", 16);
  /** G's x coordinate, for tests of the exceptional cases (R = ±G). */
  static final BigInteger GX_FOR_TESTS = GX;
  static final BigInteger GY = new BigInteger("483ADA7726A3C4655DA4FBFC0E1108A8FD17B448A68554199C47D08FFB10D4B8", 16);

  private static final int G_WINDOW = 10;
  private static final int R_WINDOW = 5;
  private static final long[] BETA_FE = Secp256k1Field.of(BETA);
  private static final long[] SEVEN = Secp256k1Field.of(BigInteger.valueOf(7));
  /** Odd multiples 1G, 3G, ..., (2^(G_WINDOW-1) - 1) G, affine: x then y per entry. */
  private static final long[][] G_TABLE_X;
  private static final long[][] G_TABLE_Y;
  /** The same multiples of λG: x times β, y unchanged. */
  private static final long[][] LAMBDA_G_TABLE_X;

  static {
    int size = 1 << (G_WINDOW - 2);
    G_TABLE_X = new long[size][];
    G_TABLE_Y = new long[size][];
    LAMBDA_G_TABLE_X = new long[size][];
    Secp256k1Point g = Secp256k1Point.affine(Secp256k1Field.of(GX), Secp256k1Field.of(GY));
    Secp256k1Point twoG = g.copy();
    twoG.twice();
    Secp256k1Point acc = g.copy();
    for (int i = 0; i < size; i++) {
      long[][] xy = toAffine(acc);
      G_TABLE_X[i] = xy[0];
      G_TABLE_Y[i] = xy[1];
      LAMBDA_G_TABLE_X[i] = new long[4];
      Secp256k1Field.mul(LAMBDA_G_TABLE_X[i], xy[0], BETA_FE);
      acc.add(twoG, false);
    }
  }

  private Secp256k1Recovery() {}

  /**
   * The 64-byte public key (x ‖ y, big endian) for hash value e, r, s with 1 <= r, s < n and the
   * parity of R's y; null when no point has x = r or the result is the point at infinity.
   */
  static byte[] recover(BigInteger e, BigInteger r, BigInteger s, boolean oddY) {
    long[] rx = Secp256k1Field.of(r);
    long[] y2 = new long[4];
    Secp256k1Field.sqr(y2, rx);
    Secp256k1Field.mul(y2, y2, rx);
    Secp256k1Field.add(y2, y2, SEVEN);
    long[] ry = Secp256k1Field.sqrt(y2);
    if (ry == null) {
      return null;
    }
    Secp256k1Field.normalize(ry);
    if (((ry[0] & 1) == 1) != oddY) {
      Secp256k1Field.neg(ry, ry);
    }
    BigInteger rInverse = inverseModN(r);
    BigInteger u1 = e.negate().multiply(rInverse).mod(N);
    BigInteger u2 = s.multiply(rInverse).mod(N);
    Secp256k1Point q = sumOfTwoMultiples(u1, Secp256k1Point.affine(rx, ry), u2);
    if (q.infinity) {
      return null;
    }
    long[][] xy = toAffine(q);
    byte[] out = new byte[64];
    Secp256k1Field.toBytes(xy[0], out, 0);
    Secp256k1Field.toBytes(xy[1], out, 32);
    return out;
  }

  /**
   * The affine k G (x then y, canonical) for 0 < k < n, as 64 bytes (x ‖ y); signing and key
   * derivation use it.
   */
  static byte[] baseMultiple(BigInteger k) {
    Secp256k1Point q = Secp256k1BaseTable.multiply(k);
    long[][] xy = toAffine(q);
    byte[] out = new byte[64];
    Secp256k1Field.toBytes(xy[0], out, 0);
    Secp256k1Field.toBytes(xy[1], out, 32);
    return out;
  }

  /** u1 G + u2 R for scalars in [0, n); R may be null when u2 is 0. */
  static Secp256k1Point sumOfTwoMultiples(BigInteger u1, Secp256k1Point bigR, BigInteger u2) {
    BigInteger[] g = split(u1);
    BigInteger[] r = split(u2);
    int[] wg1 = wnaf(g[0], G_WINDOW);
    int[] wg2 = wnaf(g[1], G_WINDOW);
    int[] wr1 = wnaf(r[0], R_WINDOW);
    int[] wr2 = wnaf(r[1], R_WINDOW);
    // R's odd multiples, made affine with one inversion so that every addition below is mixed.
    int rSize = bigR == null ? 0 : 1 << (R_WINDOW - 2);
    long[][] rX = new long[rSize][];
    long[][] rY = new long[rSize][];
    long[][] lambdaRX = new long[rSize][];
    if (bigR != null) {
      Secp256k1Point.toAffine(oddMultiples(bigR, rSize), rX, rY);
      for (int i = 0; i < rSize; i++) {
        lambdaRX[i] = new long[4];
        Secp256k1Field.mul(lambdaRX[i], rX[i], BETA_FE);
      }
    }
    int length = Math.max(Math.max(wg1.length, wg2.length), Math.max(wr1.length, wr2.length));
    Secp256k1Point acc = new Secp256k1Point();
    for (int i = length - 1; i >= 0; i--) {
      acc.twice();
      addAffineDigit(acc, wg1, i, G_TABLE_X, G_TABLE_Y, g[0].signum() < 0);
      addAffineDigit(acc, wg2, i, LAMBDA_G_TABLE_X, G_TABLE_Y, g[1].signum() < 0);
      addAffineDigit(acc, wr1, i, rX, rY, r[0].signum() < 0);
      addAffineDigit(acc, wr2, i, lambdaRX, rY, r[1].signum() < 0);
    }
    return acc;
  }

  private static void addAffineDigit(Secp256k1Point acc, int[] digits, int i, long[][] xs, long[][] ys, boolean negative) {
    if (i >= digits.length || digits[i] == 0) {
      return;
    }
    int d = digits[i];
    int at = (Math.abs(d) - 1) >> 1;
    acc.addAffine(xs[at], ys[at], (d < 0) != negative);
  }

  private static Secp256k1Point[] oddMultiples(Secp256k1Point p, int count) {
    Secp256k1Point[] table = new Secp256k1Point[count];
    table[0] = p.copy();
    Secp256k1Point twoP = p.copy();
    twoP.twice();
    for (int i = 1; i < count; i++) {
      table[i] = table[i - 1].copy();
      table[i].add(twoP, false);
    }
    return table;
  }

  /**
   * k = k1 + k2 λ (mod n) with |k1|, |k2| about 2^128 (Guide to Elliptic Curve Cryptography,
   * algorithm 3.74, with the reduced basis (a1, b1), (a2, b2) of libsecp256k1). The rounded
   * quotients c1, c2 come from 384-bit fixed-point reciprocals, as in libsecp256k1; being off by
   * one would only lengthen the halves a little, never make them wrong (k1 is computed exactly).
   */
  static BigInteger[] split(BigInteger k) {
    BigInteger c1 = k.multiply(G1).add(HALF_2_384).shiftRight(384);
    BigInteger c2 = k.multiply(G2).add(HALF_2_384).shiftRight(384);
    BigInteger k1 = k.subtract(c1.multiply(A1)).subtract(c2.multiply(A2));
    BigInteger k2 = c1.multiply(B1).add(c2.multiply(B2)).negate();
    return new BigInteger[] {k1, k2};
  }

  private static BigInteger roundedQuotient(BigInteger x, BigInteger y) {
    return x.add(y.shiftRight(1)).divide(y);
  }

  /** The width-w NAF of |k|, least significant digit first (odd digits below 2^(w-1) in size). */
  static int[] wnaf(BigInteger k, int w) {
    BigInteger v = k.abs();
    int bits = v.bitLength();
    int len = bits + w + 1; // room for the last window's carry
    long[] limbs = new long[(len + w) / 64 + 2];
    for (int i = 0; i * 64 < bits; i++) {
      limbs[i] = v.shiftRight(64 * i).longValue();
    }
    int[] out = new int[len];
    int carry = 0;
    int bit = 0;
    while (bit < len) {
      if (bitAt(limbs, bit) == carry) {
        bit++;
        continue;
      }
      int word = bitsAt(limbs, bit, w) + carry;
      carry = (word >> (w - 1)) & 1;
      word -= carry << w;
      out[bit] = word;
      bit += w;
    }
    return out;
  }

  private static int bitAt(long[] limbs, int bit) {
    return (int) ((limbs[bit >>> 6] >>> (bit & 63)) & 1);
  }

  /** The count (< 32) bits from bit upwards, read as one word (from two limbs when it straddles). */
  private static int bitsAt(long[] limbs, int bit, int count) {
    int at = bit >>> 6;
    int shift = bit & 63;
    long word = limbs[at] >>> shift;
    if (shift + count > 64) {
      word |= limbs[at + 1] << (64 - shift);
    }
    return (int) (word & ((1L << count) - 1));
  }

  /** k^-1 mod n for 0 < k < n (safegcd: BigInteger.modInverse costs several times more). */
  static BigInteger inverseModN(BigInteger k) {
    long[] limbs = limbs(k);
    ModularInverse.ORDER.invert(limbs, limbs);
    return unsigned(limbs);
  }

  /** The four little-endian 64-bit limbs of 0 <= v < 2^256. */
  static long[] limbs(BigInteger v) {
    long[] out = new long[4];
    for (int i = 0; i < 4; i++) {
      out[i] = v.shiftRight(64 * i).longValue();
    }
    return out;
  }

  /** The value of four little-endian 64-bit limbs. */
  static BigInteger unsigned(long[] limbs) {
    byte[] be = new byte[33];
    Secp256k1Field.toBytes(limbs, be, 1);
    return new BigInteger(be);
  }

  private static long[][] toAffine(Secp256k1Point p) {
    long[] zInverse = new long[4];
    Secp256k1Field.inv(zInverse, p.z);
    long[] z2 = new long[4];
    Secp256k1Field.sqr(z2, zInverse);
    long[] ax = new long[4];
    Secp256k1Field.mul(ax, p.x, z2);
    Secp256k1Field.mul(z2, z2, zInverse);
    long[] ay = new long[4];
    Secp256k1Field.mul(ay, p.y, z2);
    Secp256k1Field.normalize(ax);
    Secp256k1Field.normalize(ay);
    return new long[][] {ax, ay};
  }
}
