package dev.basalt.core.crypto;

import java.math.BigInteger;

/**
 * Arithmetic modulo secp256k1's field prime p = 2^256 - 2^32 - 977 on four 64-bit limbs (little
 * endian, {@code long[4]}), for the fast public-key recovery in {@link Secp256k1Recovery}.
 *
 * <p>Values are kept weakly reduced: every result is below 2^256 but may be p or more (p + x for a
 * small x); {@link #normalize} gives the canonical residue, which comparisons, parity and encoding
 * need. Reduction uses 2^256 ≡ 2^32 + 977 (mod p), so the high half of a product folds into the
 * low half with one 33-bit multiplication per limb. Outputs may alias inputs: every operation reads
 * all its inputs before writing.
 */
final class Secp256k1Field {
  /** 2^256 - p. */
  private static final long C = 0x1000003D1L;
  private static final long P0 = 0xFFFFFFFEFFFFFC2FL;
  private static final long PM = 0xFFFFFFFFFFFFFFFFL;

  private Secp256k1Field() {}

  static long[] of(BigInteger value) {
    BigInteger v = value.mod(Secp256k1Recovery.P);
    long[] r = new long[4];
    for (int i = 0; i < 4; i++) {
      r[i] = v.shiftRight(64 * i).longValue();
    }
    return r;
  }

  static BigInteger toBigInteger(long[] a) {
    long[] n = a.clone();
    normalize(n);
    byte[] out = new byte[32];
    toBytes(n, out, 0);
    return new BigInteger(1, out);
  }

  /** Big-endian 32 bytes of the canonical residue; {@code a} must be normalised. */
  static void toBytes(long[] a, byte[] out, int offset) {
    for (int i = 0; i < 4; i++) {
      long limb = a[3 - i];
      for (int b = 0; b < 8; b++) {
        out[offset + 8 * i + b] = (byte) (limb >>> (56 - 8 * b));
      }
    }
  }

  /** 1 if sum = x + addend wrapped (sum < addend unsigned), else 0. */
  private static long carry(long sum, long addend) {
    return below(sum, addend);
  }

  /**
   * 1 if a < b as unsigned numbers, else 0. C2 compiles this to a compare and a flag move (no
   * branch); it measured twice as fast as the branch-free bit formula of Hacker's Delight 2-12.
   */
  private static long below(long a, long b) {
    return Long.compareUnsigned(a, b) < 0 ? 1 : 0;
  }

  /**
   * r = a * b mod p (weakly reduced). The sixteen partial products are independent of each other
   * and of the carries, so they are formed first (the CPU overlaps them) and then summed column by
   * column into a three-word accumulator.
   */
  static void mul(long[] r, long[] a, long[] b) {
    long a0 = a[0], a1 = a[1], a2 = a[2], a3 = a[3];
    long b0 = b[0], b1 = b[1], b2 = b[2], b3 = b[3];
    long l00 = a0 * b0, h00 = Math.unsignedMultiplyHigh(a0, b0);
    long l01 = a0 * b1, h01 = Math.unsignedMultiplyHigh(a0, b1);
    long l02 = a0 * b2, h02 = Math.unsignedMultiplyHigh(a0, b2);
    long l03 = a0 * b3, h03 = Math.unsignedMultiplyHigh(a0, b3);
    long l10 = a1 * b0, h10 = Math.unsignedMultiplyHigh(a1, b0);
    long l11 = a1 * b1, h11 = Math.unsignedMultiplyHigh(a1, b1);
    long l12 = a1 * b2, h12 = Math.unsignedMultiplyHigh(a1, b2);
    long l13 = a1 * b3, h13 = Math.unsignedMultiplyHigh(a1, b3);
    long l20 = a2 * b0, h20 = Math.unsignedMultiplyHigh(a2, b0);
    long l21 = a2 * b1, h21 = Math.unsignedMultiplyHigh(a2, b1);
    long l22 = a2 * b2, h22 = Math.unsignedMultiplyHigh(a2, b2);
    long l23 = a2 * b3, h23 = Math.unsignedMultiplyHigh(a2, b3);
    long l30 = a3 * b0, h30 = Math.unsignedMultiplyHigh(a3, b0);
    long l31 = a3 * b1, h31 = Math.unsignedMultiplyHigh(a3, b1);
    long l32 = a3 * b2, h32 = Math.unsignedMultiplyHigh(a3, b2);
    long l33 = a3 * b3, h33 = Math.unsignedMultiplyHigh(a3, b3);
    // Column k holds the low words of products i + j = k and the high words of i + j = k - 1.
    // Each column sum is at most 8 words below 2^64, so (c0, c1) never overflows.
    long t0 = l00;
    long c0 = h00, c1 = 0;
    c0 += l01; c1 += carry(c0, l01);
    c0 += l10; c1 += carry(c0, l10);
    long t1 = c0;
    c0 = c1; c1 = 0;
    c0 += h01; c1 += carry(c0, h01);
    c0 += h10; c1 += carry(c0, h10);
    c0 += l02; c1 += carry(c0, l02);
    c0 += l11; c1 += carry(c0, l11);
    c0 += l20; c1 += carry(c0, l20);
    long t2 = c0;
    c0 = c1; c1 = 0;
    c0 += h02; c1 += carry(c0, h02);
    c0 += h11; c1 += carry(c0, h11);
    c0 += h20; c1 += carry(c0, h20);
    c0 += l03; c1 += carry(c0, l03);
    c0 += l12; c1 += carry(c0, l12);
    c0 += l21; c1 += carry(c0, l21);
    c0 += l30; c1 += carry(c0, l30);
    long t3 = c0;
    c0 = c1; c1 = 0;
    c0 += h03; c1 += carry(c0, h03);
    c0 += h12; c1 += carry(c0, h12);
    c0 += h21; c1 += carry(c0, h21);
    c0 += h30; c1 += carry(c0, h30);
    c0 += l13; c1 += carry(c0, l13);
    c0 += l22; c1 += carry(c0, l22);
    c0 += l31; c1 += carry(c0, l31);
    long t4 = c0;
    c0 = c1; c1 = 0;
    c0 += h13; c1 += carry(c0, h13);
    c0 += h22; c1 += carry(c0, h22);
    c0 += h31; c1 += carry(c0, h31);
    c0 += l23; c1 += carry(c0, l23);
    c0 += l32; c1 += carry(c0, l32);
    long t5 = c0;
    c0 = c1; c1 = 0;
    c0 += h23; c1 += carry(c0, h23);
    c0 += h32; c1 += carry(c0, h32);
    c0 += l33; c1 += carry(c0, l33);
    long t6 = c0;
    long t7 = c1 + h33; // the product is below 2^512, so this cannot wrap
    // Fold the 512-bit t7..t0 into r using 2^256 ≡ C (inlined by hand in mul and sqr: C2 does not
    // inline a callee this large, and the call spilled the eight words).
    long rl, rh, rc;
    rl = t4 * C; rh = Math.unsignedMultiplyHigh(t4, C); rl += t0; rh += carry(rl, t0); t0 = rl; rc = rh;
    rl = t5 * C + rc; rh = Math.unsignedMultiplyHigh(t5, C) + carry(rl, rc); rl += t1; rh += carry(rl, t1); t1 = rl; rc = rh;
    rl = t6 * C + rc; rh = Math.unsignedMultiplyHigh(t6, C) + carry(rl, rc); rl += t2; rh += carry(rl, t2); t2 = rl; rc = rh;
    rl = t7 * C + rc; rh = Math.unsignedMultiplyHigh(t7, C) + carry(rl, rc); rl += t3; rh += carry(rl, t3); t3 = rl; rc = rh;
    // rc < 2^34: fold rc * C (< 2^67) in once more.
    rl = rc * C; rh = Math.unsignedMultiplyHigh(rc, C);
    t0 += rl; long rk = carry(t0, rl);
    long radd = rh + rk; // rh < 8, no overflow
    t1 += radd; rk = carry(t1, radd);
    t2 += rk; rk = carry(t2, rk);
    t3 += rk; rk = carry(t3, rk);
    if (rk != 0) {
      // The sum wrapped past 2^256: what remains is tiny, adding C cannot wrap again.
      t0 += C; rk = carry(t0, C);
      t1 += rk; rk = carry(t1, rk);
      t2 += rk; rk = carry(t2, rk);
      t3 += rk;
    }
    r[0] = t0; r[1] = t1; r[2] = t2; r[3] = t3;
  }

  /**
   * r = a^2 mod p. The six cross products a_i a_j (i < j) are summed once, the sum is doubled by a
   * one-bit shift across its words, and the four squares (which fill one word each, without
   * overlap) are added in one carried pass: fewer carried additions than adding each cross
   * product twice.
   */
  static void sqr(long[] r, long[] a) {
    long a0 = a[0], a1 = a[1], a2 = a[2], a3 = a[3];
    long l00 = a0 * a0, h00 = Math.unsignedMultiplyHigh(a0, a0);
    long l01 = a0 * a1, h01 = Math.unsignedMultiplyHigh(a0, a1);
    long l02 = a0 * a2, h02 = Math.unsignedMultiplyHigh(a0, a2);
    long l03 = a0 * a3, h03 = Math.unsignedMultiplyHigh(a0, a3);
    long l11 = a1 * a1, h11 = Math.unsignedMultiplyHigh(a1, a1);
    long l12 = a1 * a2, h12 = Math.unsignedMultiplyHigh(a1, a2);
    long l13 = a1 * a3, h13 = Math.unsignedMultiplyHigh(a1, a3);
    long l22 = a2 * a2, h22 = Math.unsignedMultiplyHigh(a2, a2);
    long l23 = a2 * a3, h23 = Math.unsignedMultiplyHigh(a2, a3);
    long l33 = a3 * a3, h33 = Math.unsignedMultiplyHigh(a3, a3);
    // Words x1..x7 of the cross sum (a high word of a product is at most 2^64 - 2, so a carry of
    // one plus a high word cannot wrap).
    long x1 = l01;
    long c0 = h01, c1 = 0;
    c0 += l02; c1 += carry(c0, l02);
    long x2 = c0;
    c0 = c1 + h02; c1 = 0;
    c0 += l03; c1 += carry(c0, l03);
    c0 += l12; c1 += carry(c0, l12);
    long x3 = c0;
    c0 = c1; c1 = 0;
    c0 += h03; c1 += carry(c0, h03);
    c0 += h12; c1 += carry(c0, h12);
    c0 += l13; c1 += carry(c0, l13);
    long x4 = c0;
    c0 = c1; c1 = 0;
    c0 += h13; c1 += carry(c0, h13);
    c0 += l23; c1 += carry(c0, l23);
    long x5 = c0;
    c0 = c1; c1 = 0;
    c0 += h23; c1 += carry(c0, h23);
    long x6 = c0;
    long x7 = c1;
    // Twice the cross sum (below 2^512 with the squares, so nothing is shifted out).
    long y1 = x1 << 1;
    long y2 = (x2 << 1) | (x1 >>> 63);
    long y3 = (x3 << 1) | (x2 >>> 63);
    long y4 = (x4 << 1) | (x3 >>> 63);
    long y5 = (x5 << 1) | (x4 >>> 63);
    long y6 = (x6 << 1) | (x5 >>> 63);
    long y7 = (x7 << 1) | (x6 >>> 63);
    // Plus the squares; a word that wrapped is at most 2^64 - 2, so adding its carry-in cannot wrap.
    long t1 = h00 + y1; long k = carry(t1, y1);
    long t2 = l11 + y2; long k2 = carry(t2, y2); t2 += k; k = k2 | carry(t2, k);
    long t3 = h11 + y3; k2 = carry(t3, y3); t3 += k; k = k2 | carry(t3, k);
    long t4 = l22 + y4; k2 = carry(t4, y4); t4 += k; k = k2 | carry(t4, k);
    long t5 = h22 + y5; k2 = carry(t5, y5); t5 += k; k = k2 | carry(t5, k);
    long t6 = l33 + y6; k2 = carry(t6, y6); t6 += k; k = k2 | carry(t6, k);
    long t7 = h33 + y7 + k;
    long t0 = l00;
    // Fold the 512-bit t7..t0 into r using 2^256 ≡ C (inlined by hand in mul and sqr: C2 does not
    // inline a callee this large, and the call spilled the eight words).
    long rl, rh, rc;
    rl = t4 * C; rh = Math.unsignedMultiplyHigh(t4, C); rl += t0; rh += carry(rl, t0); t0 = rl; rc = rh;
    rl = t5 * C + rc; rh = Math.unsignedMultiplyHigh(t5, C) + carry(rl, rc); rl += t1; rh += carry(rl, t1); t1 = rl; rc = rh;
    rl = t6 * C + rc; rh = Math.unsignedMultiplyHigh(t6, C) + carry(rl, rc); rl += t2; rh += carry(rl, t2); t2 = rl; rc = rh;
    rl = t7 * C + rc; rh = Math.unsignedMultiplyHigh(t7, C) + carry(rl, rc); rl += t3; rh += carry(rl, t3); t3 = rl; rc = rh;
    // rc < 2^34: fold rc * C (< 2^67) in once more.
    rl = rc * C; rh = Math.unsignedMultiplyHigh(rc, C);
    t0 += rl; long rk = carry(t0, rl);
    long radd = rh + rk; // rh < 8, no overflow
    t1 += radd; rk = carry(t1, radd);
    t2 += rk; rk = carry(t2, rk);
    t3 += rk; rk = carry(t3, rk);
    if (rk != 0) {
      // The sum wrapped past 2^256: what remains is tiny, adding C cannot wrap again.
      t0 += C; rk = carry(t0, C);
      t1 += rk; rk = carry(t1, rk);
      t2 += rk; rk = carry(t2, rk);
      t3 += rk;
    }
    r[0] = t0; r[1] = t1; r[2] = t2; r[3] = t3;
  }

  /** r = a + b mod p. */
  static void add(long[] r, long[] a, long[] b) {
    long t0 = a[0] + b[0]; long k = carry(t0, b[0]);
    long t1 = a[1] + b[1]; long k1 = carry(t1, b[1]); t1 += k; k1 |= carry(t1, k);
    long t2 = a[2] + b[2]; long k2 = carry(t2, b[2]); t2 += k1; k2 |= carry(t2, k1);
    long t3 = a[3] + b[3]; long k3 = carry(t3, b[3]); t3 += k2; k3 |= carry(t3, k2);
    // A carry out means we hold a + b - 2^256: add C (2^256 - p) without a branch; a second wrap
    // needs a + b >= 2^257 - C, which is rare, so that one may branch.
    long cc = C & -k3;
    t0 += cc; k = carry(t0, cc);
    t1 += k; k = carry(t1, k);
    t2 += k; k = carry(t2, k);
    t3 += k; k3 = carry(t3, k);
    if (k3 != 0) {
      t0 += C; k = carry(t0, C);
      t1 += k; k = carry(t1, k);
      t2 += k; k = carry(t2, k);
      t3 += k;
    }
    r[0] = t0; r[1] = t1; r[2] = t2; r[3] = t3;
  }

  /** r = a - b mod p. */
  static void sub(long[] r, long[] a, long[] b) {
    long t0 = a[0] - b[0]; long k = below(a[0], b[0]);
    long u1 = a[1] - b[1]; long k1 = below(a[1], b[1]);
    long t1 = u1 - k; k1 |= below(u1, k);
    long u2 = a[2] - b[2]; long k2 = below(a[2], b[2]);
    long t2 = u2 - k1; k2 |= below(u2, k1);
    long u3 = a[3] - b[3]; long k3 = below(a[3], b[3]);
    long t3 = u3 - k2; k3 |= below(u3, k2);
    // A borrow means we hold (a - b) + 2^256; subtracting C gives (a - b) + p, and if that
    // borrows again we hold (a - b) + p + 2^256, which needs C subtracted once more.
    long cc = C & -k3;
    k = below(t0, cc); t0 -= cc;
    long b1 = below(t1, k); t1 -= k;
    long b2 = below(t2, b1); t2 -= b1;
    k3 = below(t3, b2); t3 -= b2;
    if (k3 != 0) {
      k = below(t0, C); t0 -= C;
      b1 = below(t1, k); t1 -= k;
      b2 = below(t2, b1); t2 -= b1;
      t3 -= b2;
    }
    r[0] = t0; r[1] = t1; r[2] = t2; r[3] = t3;
  }

  /**
   * r = a * small (small < 2^31) mod p. The product has one word above 2^256, below 2^31, so its
   * fold (word * C < 2^64) is a single multiplication added into the low limbs.
   */
  static void mulSmall(long[] r, long[] a, long small) {
    long lo, c;
    long t0 = a[0] * small; c = Math.unsignedMultiplyHigh(a[0], small);
    lo = a[1] * small + c; c = Math.unsignedMultiplyHigh(a[1], small) + carry(lo, c); long t1 = lo;
    lo = a[2] * small + c; c = Math.unsignedMultiplyHigh(a[2], small) + carry(lo, c); long t2 = lo;
    lo = a[3] * small + c; c = Math.unsignedMultiplyHigh(a[3], small) + carry(lo, c); long t3 = lo;
    long fold = c * C;
    t0 += fold; long k = carry(t0, fold);
    t1 += k; k = carry(t1, k);
    t2 += k; k = carry(t2, k);
    t3 += k; k = carry(t3, k);
    if (k != 0) {
      // Wrapped past 2^256: what remains is below 2^64, adding C cannot wrap again.
      t0 += C; k = carry(t0, C);
      t1 += k; k = carry(t1, k);
      t2 += k; k = carry(t2, k);
      t3 += k;
    }
    r[0] = t0; r[1] = t1; r[2] = t2; r[3] = t3;
  }

  /** r = a / 2 mod p: a itself shifted when even, else a + p (257 bits, even) shifted. */
  static void half(long[] r, long[] a) {
    long a0 = a[0], a1 = a[1], a2 = a[2], a3 = a[3];
    long odd = -(a0 & 1);
    // a + p = a - C + 2^256: subtract C, and bit 256 is set unless that borrowed out of limb 3.
    long c = C & odd;
    long t0 = a0 - c; long b = below(a0, c);
    long t1 = a1 - b; b = below(a1, b);
    long t2 = a2 - b; b = below(a2, b);
    long t3 = a3 - b; b = below(a3, b);
    long top = odd & (b ^ 1);
    r[0] = (t0 >>> 1) | (t1 << 63);
    r[1] = (t1 >>> 1) | (t2 << 63);
    r[2] = (t2 >>> 1) | (t3 << 63);
    r[3] = (t3 >>> 1) | (top << 63);
  }

  /** r = -a mod p. */
  static void neg(long[] r, long[] a) {
    sub(r, new long[4], a);
  }

  /** Brings a weakly reduced value to its canonical residue in [0, p). */
  static void normalize(long[] a) {
    // a < 2^256 < 2p, so at most one subtraction of p.
    if (a[3] == PM && a[2] == PM && a[1] == PM && Long.compareUnsigned(a[0], P0) >= 0) {
      a[0] -= P0;
      a[1] = 0;
      a[2] = 0;
      a[3] = 0;
    }
  }

  /** Whether a ≡ 0: a weakly reduced value is then 0 or p itself. */
  static boolean isZero(long[] a) {
    long a0 = a[0], a1 = a[1], a2 = a[2], a3 = a[3];
    return (a0 | a1 | a2 | a3) == 0 || (a0 == P0 && (a1 & a2 & a3) == PM);
  }

  static boolean equal(long[] a, long[] b) {
    long[] d = new long[4];
    sub(d, a, b);
    return isZero(d);
  }

  private static void sqrTimes(long[] r, long[] a, int times) {
    System.arraycopy(a, 0, r, 0, 4);
    for (int i = 0; i < times; i++) {
      sqr(r, r);
    }
  }

  /** The start of the square-root chain (libsecp256k1's): x223 = a^(2^223 - 1), x22, x2. */
  private static long[][] chain(long[] a) {
    long[] x2 = new long[4];
    sqr(x2, a);
    mul(x2, x2, a);
    long[] x3 = new long[4];
    sqr(x3, x2);
    mul(x3, x3, a);
    long[] x6 = new long[4];
    sqrTimes(x6, x3, 3);
    mul(x6, x6, x3);
    long[] x9 = new long[4];
    sqrTimes(x9, x6, 3);
    mul(x9, x9, x3);
    long[] x11 = new long[4];
    sqrTimes(x11, x9, 2);
    mul(x11, x11, x2);
    long[] x22 = new long[4];
    sqrTimes(x22, x11, 11);
    mul(x22, x22, x11);
    long[] x44 = new long[4];
    sqrTimes(x44, x22, 22);
    mul(x44, x44, x22);
    long[] x88 = new long[4];
    sqrTimes(x88, x44, 44);
    mul(x88, x88, x44);
    long[] x176 = new long[4];
    sqrTimes(x176, x88, 88);
    mul(x176, x176, x88);
    long[] x220 = new long[4];
    sqrTimes(x220, x176, 44);
    mul(x220, x220, x44);
    long[] x223 = new long[4];
    sqrTimes(x223, x220, 3);
    mul(x223, x223, x3);
    return new long[][] {x223, x22, x2};
  }

  /** r = a^-1 (0 for 0), canonical: safegcd ({@link ModularInverse}), far cheaper than a^(p - 2). */
  static void inv(long[] r, long[] a) {
    long[] n = a.clone();
    normalize(n);
    ModularInverse.FIELD.invert(r, n);
  }

  /** A square root of a (a^((p + 1) / 4)) if a is a square, else null. */
  static long[] sqrt(long[] a) {
    long[][] c = chain(a);
    long[] t = new long[4];
    sqrTimes(t, c[0], 23);
    mul(t, t, c[1]);
    sqrTimes(t, t, 6);
    mul(t, t, c[2]);
    sqrTimes(t, t, 2);
    long[] check = new long[4];
    mul(check, t, t);
    return equal(check, a) ? t : null;
  }
}
