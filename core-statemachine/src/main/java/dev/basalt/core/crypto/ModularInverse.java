package dev.basalt.core.crypto;

import java.math.BigInteger;

/**
 * Modular inversion by Bernstein and Yang's safegcd ("Fast constant-time gcd computation and
 * modular inversion", 2019) in its variable-time form, as libsecp256k1's {@code modinv64_var} does
 * it: 62 division steps at a time act on the low bits of f and g only and give a 2x2 matrix (scaled
 * by 2^62), which is then applied to the full f, g (exact division by 2^62) and to the Bézout
 * coefficients d, e (made divisible by 2^62 by adding a multiple of the modulus). About ten
 * rounds replace the 255 squarings of a Fermat inversion, and unlike BigInteger.modInverse nothing
 * is allocated.
 *
 * <p>Numbers are five signed 62-bit limbs (value = Σ v[i] 2^(62 i)): limbs 0..3 in [0, 2^62), the
 * top one signed. 128-bit intermediates are a pair of longs ({@link Wide}). The modulus must be odd;
 * inputs and outputs are four little-endian 64-bit limbs. Variable time: fine for public data
 * (signatures, points), which is all this package inverts.
 */
final class ModularInverse {
  private static final long M62 = -1L >>> 2;

  /** secp256k1's group order n. */
  static final ModularInverse ORDER = new ModularInverse(Secp256k1Recovery.N);
  /** secp256k1's field prime p. */
  static final ModularInverse FIELD = new ModularInverse(Secp256k1Recovery.P);

  private final long[] modulus = new long[5];
  /** modulus^-1 mod 2^62. */
  private final long modulusInverse62;

  private ModularInverse(BigInteger m) {
    for (int i = 0; i < 5; i++) {
      BigInteger limb = m.shiftRight(62 * i);
      modulus[i] = i < 4 ? limb.longValue() & M62 : limb.longValue();
    }
    modulusInverse62 = m.modInverse(BigInteger.ONE.shiftLeft(62)).longValue();
  }

  /**
   * out = a^-1 mod m for 0 <= a < m (0 for 0), canonical; a and out are four 64-bit limbs and may
   * be the same array.
   */
  void invert(long[] out, long[] a) {
    if ((a[0] | a[1] | a[2] | a[3]) == 0) {
      java.util.Arrays.fill(out, 0, 4, 0);
      return;
    }
    long[] d = new long[5];
    long[] e = {1, 0, 0, 0, 0};
    long[] f = modulus.clone();
    long[] g = {a[0] & M62, ((a[0] >>> 62) | (a[1] << 2)) & M62, ((a[1] >>> 60) | (a[2] << 4)) & M62,
        ((a[2] >>> 58) | (a[3] << 6)) & M62, a[3] >>> 56};
    long[] t = new long[4];
    long eta = -1; // -delta, delta starting at 1
    while (true) {
      eta = divsteps(eta, f[0], g[0], t);
      updateDe(d, e, t);
      updateFg(f, g, t);
      if ((g[0] | g[1] | g[2] | g[3] | g[4]) == 0) {
        break;
      }
    }
    // Now f = ±1 (a and m are coprime) and d = f / a, in (-2m, m).
    if (f[4] < 0) {
      negate(d);
    }
    if (d[4] < 0) {
      addModulus(d, 1);
    }
    if (d[4] < 0) {
      addModulus(d, 1);
    }
    addModulus(d, -1);
    if (d[4] < 0) {
      addModulus(d, 1);
    }
    out[0] = d[0] | (d[1] << 62);
    out[1] = (d[1] >>> 2) | (d[2] << 60);
    out[2] = (d[2] >>> 4) | (d[3] << 58);
    out[3] = (d[3] >>> 6) | (d[4] << 56);
  }

  /**
   * 62 division steps on the low bits of f and g (f odd); t receives the matrix (u, v, q, r) with
   * t * [f, g] = 2^62 [f', g']. Returns the new eta. Zero bits of g are skipped in one go, and each
   * step cancels up to 4 or 6 bits of g at once (libsecp256k1's divsteps_62_var).
   */
  private static long divsteps(long eta, long f0, long g0, long[] t) {
    long u = 1, v = 0, q = 0, r = 1;
    long f = f0, g = g0;
    int i = 62;
    while (true) {
      int zeros = Long.numberOfTrailingZeros(g | (-1L << i));
      g >>>= zeros;
      u <<= zeros;
      v <<= zeros;
      eta -= zeros;
      i -= zeros;
      if (i == 0) {
        break;
      }
      long w;
      if (eta < 0) {
        eta = -eta;
        long tmp = f; f = g; g = -tmp;
        tmp = u; u = q; q = -tmp;
        tmp = v; v = r; r = -tmp;
        int limit = (int) Math.min(eta + 1, i);
        long m = (-1L >>> (64 - limit)) & 63;
        w = (f * g * (f * f - 2)) & m;
      } else {
        int limit = (int) Math.min(eta + 1, i);
        long m = (-1L >>> (64 - limit)) & 15;
        w = f + (((f + 1) & 4) << 1);
        w = (-w * g) & m;
      }
      g += f * w;
      q += u * w;
      r += v * w;
    }
    t[0] = u;
    t[1] = v;
    t[2] = q;
    t[3] = r;
    return eta;
  }

  /** [f, g] = t [f, g] / 2^62 (exact). */
  private static void updateFg(long[] f, long[] g, long[] t) {
    long u = t[0], v = t[1], q = t[2], r = t[3];
    Wide cf = new Wide();
    Wide cg = new Wide();
    cf.addProduct(u, f[0]);
    cf.addProduct(v, g[0]);
    cg.addProduct(q, f[0]);
    cg.addProduct(r, g[0]);
    cf.shift62();
    cg.shift62();
    for (int i = 1; i < 5; i++) {
      long fi = f[i], gi = g[i];
      cf.addProduct(u, fi);
      cf.addProduct(v, gi);
      cg.addProduct(q, fi);
      cg.addProduct(r, gi);
      f[i - 1] = cf.lo & M62;
      g[i - 1] = cg.lo & M62;
      cf.shift62();
      cg.shift62();
    }
    f[4] = cf.lo;
    g[4] = cg.lo;
  }

  /**
   * [d, e] = (t [d, e] + m [md, me]) / 2^62, with md, me chosen so that the division is exact and
   * the results stay in (-2m, m) (libsecp256k1's update_de_62).
   */
  private void updateDe(long[] d, long[] e, long[] t) {
    long u = t[0], v = t[1], q = t[2], r = t[3];
    long sd = d[4] >> 63, se = e[4] >> 63;
    long md = (u & sd) + (v & se);
    long me = (q & sd) + (r & se);
    Wide cd = new Wide();
    Wide ce = new Wide();
    cd.addProduct(u, d[0]);
    cd.addProduct(v, e[0]);
    ce.addProduct(q, d[0]);
    ce.addProduct(r, e[0]);
    md -= (modulusInverse62 * cd.lo + md) & M62;
    me -= (modulusInverse62 * ce.lo + me) & M62;
    cd.addProduct(modulus[0], md);
    ce.addProduct(modulus[0], me);
    cd.shift62();
    ce.shift62();
    for (int i = 1; i < 5; i++) {
      long di = d[i], ei = e[i];
      cd.addProduct(u, di);
      cd.addProduct(v, ei);
      ce.addProduct(q, di);
      ce.addProduct(r, ei);
      cd.addProduct(modulus[i], md);
      ce.addProduct(modulus[i], me);
      d[i - 1] = cd.lo & M62;
      e[i - 1] = ce.lo & M62;
      cd.shift62();
      ce.shift62();
    }
    d[4] = cd.lo;
    e[4] = ce.lo;
  }

  private static void negate(long[] x) {
    long carry = 0;
    for (int i = 0; i < 4; i++) {
      long limb = -x[i] + carry;
      x[i] = limb & M62;
      carry = limb >> 62;
    }
    x[4] = -x[4] + carry;
  }

  /** x += sign * m, limbs 0..3 carried back into [0, 2^62). */
  private void addModulus(long[] x, long sign) {
    long carry = 0;
    for (int i = 0; i < 4; i++) {
      long limb = x[i] + sign * modulus[i] + carry;
      x[i] = limb & M62;
      carry = limb >> 62;
    }
    x[4] += sign * modulus[4] + carry;
  }

  /** A signed 128-bit accumulator: hi * 2^64 + lo (lo unsigned). */
  private static final class Wide {
    long lo;
    long hi;

    void addProduct(long a, long b) {
      long pl = a * b;
      long ph = Math.multiplyHigh(a, b);
      lo += pl;
      hi += ph + (Long.compareUnsigned(lo, pl) < 0 ? 1 : 0);
    }

    /** Arithmetic shift right by 62. */
    void shift62() {
      lo = (lo >>> 62) | (hi << 2);
      hi >>= 62;
    }
  }
}
