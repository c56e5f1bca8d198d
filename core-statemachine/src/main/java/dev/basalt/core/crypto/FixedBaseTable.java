package dev.basalt.core.crypto;

import java.math.BigInteger;

/**
 * Fixed-base multiplication k P for one point P known in advance (G for signing, a known signer's
 * public key for {@link KnownSigner}): k is cut into signed w-bit digits (k = Σ d_i 2^(w i), -2^(w-1)
 * <= d_i <= 2^(w-1)), and k P is the sum of the table entries |d_i| 2^(w i) P, negated for negative
 * digits: at most one mixed addition per window and no doublings, where the general ladder ({@link
 * Secp256k1Recovery#sumOfTwoMultiples}) doubles about 130 times. Building the table costs about
 * (256 / w) 2^(w-1) additions, so it pays only for a point multiplied many times. Immutable once
 * built; not constant-time, like the rest of this package.
 */
final class FixedBaseTable {
  private final int window;
  private final int windows;
  private final int entries;
  /**
   * points[i][8 j .. 8 j + 7]: the affine (j + 1) 2^(w i) P, x then y in canonical limbs, side by
   * side in one array per window (a lookup touches one or two cache lines, not two objects).
   */
  private final long[][] points;

  /** The table of the affine point (px, py), which must be on the curve and not at infinity. */
  FixedBaseTable(long[] px, long[] py, int window) {
    if (window < 2 || window > 12) {
      throw new IllegalArgumentException("window " + window);
    }
    this.window = window;
    // k < 2^256: floor(256 / w) + 1 windows leave the top digit small enough that no carry is left.
    this.windows = 256 / window + 1;
    this.entries = 1 << (window - 1);
    this.points = new long[windows][entries * 8];
    long[][] xs = new long[entries][];
    long[][] ys = new long[entries][];
    Secp256k1Point base = Secp256k1Point.affine(px, py);
    Secp256k1Point[] row = new Secp256k1Point[entries];
    for (int i = 0; i < windows; i++) {
      row[0] = base.copy();
      for (int j = 1; j < entries; j++) {
        row[j] = row[j - 1].copy();
        row[j].add(base, false);
      }
      Secp256k1Point.toAffine(row, xs, ys);
      for (int j = 0; j < entries; j++) {
        System.arraycopy(xs[j], 0, points[i], 8 * j, 4);
        System.arraycopy(ys[j], 0, points[i], 8 * j + 4, 4);
      }
      for (int d = 0; d < window; d++) {
        base.twice(); // the next window's base: 2^w times this one's
      }
    }
  }

  /**
   * acc += k P for 0 <= k < 2^256. Every entry the digits pick is copied out first, then added
   * ({@link Picks}).
   */
  void addMultiple(Secp256k1Point acc, BigInteger k) {
    addMultiple(acc, limbs(k));
  }

  /** acc += k P for k given as five little-endian limbs (the fifth zero): k < 2^256. */
  void addMultiple(Secp256k1Point acc, long[] limbs) {
    Picks picks = new Picks(windows);
    pick(limbs, picks);
    picks.addTo(acc);
  }

  /** The most entries one scalar picks (one per window). */
  int windows() {
    return windows;
  }

  /** Notes the entries (and signs) whose sum is k P, k as five limbs (the fifth zero), in picks. */
  void pick(long[] limbs, Picks picks) {
    if (limbs.length != 5 || limbs[4] != 0) {
      throw new IllegalArgumentException("a scalar is four limbs and a zero fifth");
    }
    int carry = 0;
    for (int i = 0; i < windows; i++) {
      int digit = bitsAt(limbs, i * window) + carry;
      if (digit >= entries) {
        digit -= entries << 1;
        carry = 1;
      } else {
        carry = 0;
      }
      if (digit != 0) {
        picks.add(points[i], 8 * (Math.abs(digit) - 1), digit < 0);
      }
    }
    if (carry != 0) {
      throw new IllegalStateException("scalar of more than 256 bits"); // unreachable for k < 2^256
    }
  }

  /**
   * Table entries to be added, from one or more tables: all of them are copied out in one loop of
   * nothing but independent loads before the first addition. The tables (hundreds of KiB each) are
   * mostly out of cache in a busy process; such a loop lets the CPU have many misses in flight at
   * once, where loading each entry just before its addition waited for every miss in turn (a
   * quarter of a known-key check in the simulator's profile).
   */
  static final class Picks {
    private final long[][] sources;
    private final int[] offsets;
    private final boolean[] negated;
    private int count;

    Picks(int capacity) {
      sources = new long[capacity][];
      offsets = new int[capacity];
      negated = new boolean[capacity];
    }

    private void add(long[] source, int offset, boolean negate) {
      sources[count] = source;
      offsets[count] = offset;
      negated[count++] = negate;
    }

    /** acc += the sum of the picked entries, in the order they were picked. */
    void addTo(Secp256k1Point acc) {
      long[] picked = new long[count * 8];
      for (int j = 0; j < count; j++) {
        System.arraycopy(sources[j], offsets[j], picked, 8 * j, 8);
      }
      long[] x = new long[4];
      long[] y = new long[4];
      for (int j = 0; j < count; j++) {
        System.arraycopy(picked, 8 * j, x, 0, 4);
        System.arraycopy(picked, 8 * j + 4, y, 0, 4);
        acc.addAffine(x, y, negated[j]);
      }
    }
  }

  /**
   * The little-endian 64-bit limbs of 0 <= k < 2^256 and a fifth, zero limb for windows reaching
   * past bit 255 (from k's bytes: one array, where four shiftRight calls made four numbers).
   */
  static long[] limbs(BigInteger k) {
    if (k.signum() < 0 || k.bitLength() > 256) {
      throw new IllegalStateException("scalar of more than 256 bits: " + k.toString(16));
    }
    byte[] be = k.toByteArray(); // big-endian, with a sign byte when the top bit is set
    long[] limbs = new long[5];
    int end = be.length;
    for (int i = 0; i < 4 && end > 0; i++) {
      int start = Math.max(0, end - 8);
      long limb = 0;
      for (int b = start; b < end; b++) {
        limb = (limb << 8) | (be[b] & 0xFF);
      }
      limbs[i] = limb;
      end = start;
    }
    return limbs;
  }

  /** The window bits from bit upwards (from two limbs when they straddle a limb boundary). */
  private int bitsAt(long[] limbs, int bit) {
    int at = bit >>> 6;
    if (at >= 4) {
      return 0;
    }
    int shift = bit & 63;
    long word = limbs[at] >>> shift;
    if (shift + window > 64) {
      word |= limbs[at + 1] << (64 - shift);
    }
    return (int) (word & ((1L << window) - 1));
  }
}
