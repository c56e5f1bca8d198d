package dev.basalt.core.crypto;

import java.math.BigInteger;

/**
 * Fixed-base multiplication k G for signing and key derivation: k is cut into 33 signed 8-bit
 * digits (k = Σ d_i 2^(8i), -128 <= d_i < 128), and k G is the sum of the table entries |d_i|
 * 2^(8i) G, negated for negative digits: at most 33 mixed additions and no doublings, where the
 * general ladder ({@link Secp256k1Recovery#sumOfTwoMultiples}) doubles about 130 times. The table
 * (33 windows of 128 affine points, about 400 KiB) is built on first use, so a node that only
 * recovers senders never pays for it. Not constant-time, like the rest of this package.
 */
final class Secp256k1BaseTable {
  private static final int WINDOWS = 33;
  private static final int ENTRIES = 128;

  private Secp256k1BaseTable() {}

  /** Built on first use (the holder idiom: class initialisation is thread-safe and lazy). */
  private static final class Holder {
    /** X[i][j], Y[i][j]: the affine (j + 1) 2^(8i) G, canonical limbs. */
    static final long[][][] X = new long[WINDOWS][ENTRIES][];
    static final long[][][] Y = new long[WINDOWS][ENTRIES][];

    static {
      Secp256k1Point base = Secp256k1Point.affine(Secp256k1Field.of(Secp256k1Recovery.GX),
          Secp256k1Field.of(Secp256k1Recovery.GY));
      Secp256k1Point[] row = new Secp256k1Point[ENTRIES];
      for (int i = 0; i < WINDOWS; i++) {
        row[0] = base.copy();
        for (int j = 1; j < ENTRIES; j++) {
          row[j] = row[j - 1].copy();
          row[j].add(base, false);
        }
        Secp256k1Point.toAffine(row, X[i], Y[i]);
        // The next window's base: 2^8 times this one's.
        for (int d = 0; d < 8; d++) {
          base.twice();
        }
      }
    }
  }

  /** k G in Jacobian coordinates, for 0 < k < n. */
  static Secp256k1Point multiply(BigInteger k) {
    byte[] be = k.toByteArray(); // big endian, maybe a leading sign byte
    Secp256k1Point acc = new Secp256k1Point();
    int carry = 0;
    for (int i = 0; i < WINDOWS; i++) {
      int at = be.length - 1 - i;
      int digit = (at >= 0 ? be[at] & 0xff : 0) + carry;
      if (digit >= ENTRIES) {
        digit -= 256;
        carry = 1;
      } else {
        carry = 0;
      }
      if (digit > 0) {
        acc.addAffine(Holder.X[i][digit - 1], Holder.Y[i][digit - 1], false);
      } else if (digit < 0) {
        acc.addAffine(Holder.X[i][-digit - 1], Holder.Y[i][-digit - 1], true);
      }
    }
    return acc;
  }
}
