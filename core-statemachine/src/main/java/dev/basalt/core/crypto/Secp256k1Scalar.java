package dev.basalt.core.crypto;

/**
 * Products (and sums) modulo secp256k1's group order n on four little-endian 64-bit limbs, for the scalars
 * of a known-key check (u1 = e / s, u2 = r / s): BigInteger's multiply and Knuth division plus the
 * conversions to and from limbs cost more than the product itself. Reduction folds the high half
 * with 2^256 ≡ c (mod n), where c = 2^256 - n has 129 bits, until nothing is left above 2^256, and
 * then subtracts n at most once. Outputs are canonical (in [0, n)).
 */
final class Secp256k1Scalar {
  private static final long N0 = 0xBFD25E8CD0364141L;
  private static final long N1 = 0xBAAEDCE6AF48A03BL;
  private static final long N2 = 0xFFFFFFFFFFFFFFFEL;
  private static final long N3 = 0xFFFFFFFFFFFFFFFFL;
  /** c = 2^256 - n = C2 2^128 + C1 2^64 + C0, with C2 = 1. */
  private static final long C0 = 0x402DA1732FC9BEBFL;
  private static final long C1 = 0x4551231950B75FC4L;

  private Secp256k1Scalar() {}

  /**
   * r = a b mod n for a, b below 2^256 (four limbs each; a fifth limb of r, if r has one, is left
   * alone). r may alias a or b.
   */
  static void mulModN(long[] r, long[] a, long[] b) {
    long[] t = new long[8];
    for (int i = 0; i < 4; i++) {
      long carry = 0;
      long ai = a[i];
      for (int j = 0; j < 4; j++) {
        long lo = ai * b[j];
        long hi = Math.unsignedMultiplyHigh(ai, b[j]);
        lo += carry;
        hi += below(lo, carry);
        long sum = t[i + j] + lo;
        hi += below(sum, lo);
        t[i + j] = sum;
        carry = hi; // hi <= 2^64 - 2 before the two carries, so this cannot wrap
      }
      t[i + 4] = carry;
    }
    reduce(t);
    System.arraycopy(t, 0, r, 0, 4);
  }

  /** r = (a + b) mod n for a, b < n (four limbs each). r may alias a or b. */
  static void addModN(long[] r, long[] a, long[] b) {
    long[] t = new long[8];
    long k = 0;
    for (int i = 0; i < 4; i++) {
      long sum = a[i] + b[i];
      long k1 = below(sum, b[i]);
      sum += k;
      k = k1 | below(sum, k);
      t[i] = sum;
    }
    t[4] = k; // a + b < 2n < 2^257: one fold and the final subtraction bring it below n
    reduce(t);
    System.arraycopy(t, 0, r, 0, 4);
  }

  /** a mod n for a below 2^256 (four limbs), into r. */
  static void modN(long[] r, long[] a) {
    long[] t = new long[8];
    System.arraycopy(a, 0, t, 0, 4);
    reduce(t);
    System.arraycopy(t, 0, r, 0, 4);
  }

  /** t (eight limbs) mod n into t[0..3]. */
  private static void reduce(long[] t) {
    long[] folded = new long[8];
    while ((t[4] | t[5] | t[6] | t[7]) != 0) {
      // t = low + high c: each pass shortens t (512 -> 386 -> 260 -> 257 bits -> below 2^256 + 2^130).
      System.arraycopy(t, 0, folded, 0, 4);
      java.util.Arrays.fill(folded, 4, 8, 0);
      for (int i = 0; i < 4; i++) {
        long h = t[4 + i];
        if (h != 0) {
          addProduct(folded, i, h, C0);
          addProduct(folded, i + 1, h, C1);
          addWord(folded, i + 2, h); // h C2 with C2 = 1
        }
      }
      System.arraycopy(folded, 0, t, 0, 8);
    }
    // t < 2^256 < 2n: subtract n once if t >= n.
    if (atLeastN(t)) {
      long b = 0;
      long d0 = t[0] - N0; b = below(t[0], N0);
      long d1 = t[1] - N1 - b; b = (below(t[1], N1) | (b & (t[1] == N1 ? 1 : 0)));
      long d2 = t[2] - N2 - b; b = (below(t[2], N2) | (b & (t[2] == N2 ? 1 : 0)));
      long d3 = t[3] - N3 - b;
      t[0] = d0; t[1] = d1; t[2] = d2; t[3] = d3;
    }
  }

  private static boolean atLeastN(long[] t) {
    if (t[3] != N3) {
      return Long.compareUnsigned(t[3], N3) > 0;
    }
    if (t[2] != N2) {
      return Long.compareUnsigned(t[2], N2) > 0;
    }
    if (t[1] != N1) {
      return Long.compareUnsigned(t[1], N1) > 0;
    }
    return Long.compareUnsigned(t[0], N0) >= 0;
  }

  /** x += h c_word 2^(64 at), carried upwards (x is long enough that nothing leaves it). */
  private static void addProduct(long[] x, int at, long h, long c) {
    long lo = h * c;
    long hi = Math.unsignedMultiplyHigh(h, c);
    long sum = x[at] + lo;
    hi += below(sum, lo); // hi <= 2^64 - 2, no wrap
    x[at] = sum;
    addWord(x, at + 1, hi);
  }

  /** x += w 2^(64 at), carried upwards. */
  private static void addWord(long[] x, int at, long w) {
    for (int k = at; k < x.length && w != 0; k++) {
      long sum = x[k] + w;
      w = below(sum, w);
      x[k] = sum;
    }
  }

  private static long below(long a, long b) {
    return Long.compareUnsigned(a, b) < 0 ? 1 : 0;
  }
}
