package dev.basalt.core.crypto;

/**
 * A mutable secp256k1 point in Jacobian coordinates (x = X / Z^2, y = Y / Z^3) over
 * {@link Secp256k1Field} limbs, with the doubling and addition formulas the recovery ladder uses
 * (a = 0: libsecp256k1's doubling, a mixed addition in the style of its gej_add_ge_var, add-2007-bl
 * from the Explicit-Formulas Database). Additions
 * handle the exceptional cases (either input at infinity, equal or opposite inputs), so the result
 * is right for any inputs, not only for random ones.
 */
final class Secp256k1Point {
  final long[] x = new long[4];
  final long[] y = new long[4];
  final long[] z = new long[4];
  boolean infinity = true;

  // Scratch space of this point's own operations; a point is used by one thread only.
  private final long[] t1 = new long[4];
  private final long[] t2 = new long[4];
  private final long[] t3 = new long[4];
  private final long[] t4 = new long[4];
  private final long[] t5 = new long[4];
  private final long[] t6 = new long[4];
  private final long[] t7 = new long[4];

  static Secp256k1Point affine(long[] ax, long[] ay) {
    Secp256k1Point p = new Secp256k1Point();
    System.arraycopy(ax, 0, p.x, 0, 4);
    System.arraycopy(ay, 0, p.y, 0, 4);
    p.z[0] = 1;
    p.infinity = false;
    return p;
  }

  Secp256k1Point copy() {
    Secp256k1Point p = new Secp256k1Point();
    p.set(this);
    return p;
  }

  void set(Secp256k1Point o) {
    System.arraycopy(o.x, 0, x, 0, 4);
    System.arraycopy(o.y, 0, y, 0, 4);
    System.arraycopy(o.z, 0, z, 0, 4);
    infinity = o.infinity;
  }

  /**
   * this = 2 * this, by libsecp256k1's doubling (3M + 4S and few additions): L = 3/2 X1^2, S =
   * Y1^2, T = X1 S, X3 = L^2 - 2T, Y3 = L (T - X3) - S^2, Z3 = Y1 Z1. The result is the same
   * point as dbl-2009-l's under another Jacobian scaling (Z3 = Y1 Z1 instead of 2 Y1 Z1).
   */
  void twice() {
    if (infinity) {
      return;
    }
    long[] s = t1, l = t2, t = t3;
    Secp256k1Field.mul(z, z, y);
    Secp256k1Field.sqr(s, y);
    Secp256k1Field.sqr(l, x);
    Secp256k1Field.mulSmall(l, l, 3);
    Secp256k1Field.half(l, l);
    Secp256k1Field.mul(t, x, s);
    Secp256k1Field.sqr(x, l);
    Secp256k1Field.sub(x, x, t);
    Secp256k1Field.sub(x, x, t);
    Secp256k1Field.sub(t, t, x);
    Secp256k1Field.mul(y, l, t);
    Secp256k1Field.sqr(s, s);
    Secp256k1Field.sub(y, y, s);
  }

  /**
   * this += (ax, ay), an affine point, negated when {@code negate} (8M + 3S): H = ax Z1^2 - X1,
   * R = ±ay Z1^3 - Y1, X3 = R^2 - H^3 - 2 X1 H^2, Y3 = R (X1 H^2 - X3) - Y1 H^3, Z3 = Z1 H. For a
   * negated point R' = ay Z1^3 + Y1 = -R is formed instead, and Y3 = R' (X3 - X1 H^2) - Y1 H^3.
   */
  void addAffine(long[] ax, long[] ay, boolean negate) {
    if (infinity) {
      System.arraycopy(ax, 0, x, 0, 4);
      if (negate) {
        Secp256k1Field.neg(y, ay);
      } else {
        System.arraycopy(ay, 0, y, 0, 4);
      }
      java.util.Arrays.fill(z, 0);
      z[0] = 1;
      infinity = false;
      return;
    }
    long[] z1z1 = t1, u2 = t2, s2 = t3, h = t4, rr = t5;
    Secp256k1Field.sqr(z1z1, z);
    Secp256k1Field.mul(u2, ax, z1z1);
    Secp256k1Field.mul(s2, ay, z);
    Secp256k1Field.mul(s2, s2, z1z1);
    Secp256k1Field.sub(h, u2, x);
    if (negate) {
      Secp256k1Field.add(rr, s2, y);
    } else {
      Secp256k1Field.sub(rr, s2, y);
    }
    if (Secp256k1Field.isZero(h)) {
      if (Secp256k1Field.isZero(rr)) {
        twice();
      } else {
        infinity = true;
      }
      return;
    }
    Secp256k1Field.mul(z, z, h);
    long[] hh = t1, hhh = t2, v = t3;
    Secp256k1Field.sqr(hh, h);
    Secp256k1Field.mul(hhh, hh, h);
    Secp256k1Field.mul(v, x, hh);
    Secp256k1Field.sqr(x, rr);
    Secp256k1Field.sub(x, x, hhh);
    Secp256k1Field.sub(x, x, v);
    Secp256k1Field.sub(x, x, v);
    if (negate) {
      Secp256k1Field.sub(v, x, v);
    } else {
      Secp256k1Field.sub(v, v, x);
    }
    Secp256k1Field.mul(v, rr, v);
    Secp256k1Field.mul(hhh, y, hhh);
    Secp256k1Field.sub(y, v, hhh);
  }

  /** this += q (negated when {@code negate}); q must not be this. */
  void add(Secp256k1Point q, boolean negate) {
    if (q.infinity) {
      return;
    }
    if (infinity) {
      set(q);
      if (negate) {
        Secp256k1Field.neg(y, y);
      }
      return;
    }
    long[] z1z1 = t1, z2z2 = t2, u1 = t3, u2 = t4, s1 = t5, s2 = t6;
    Secp256k1Field.sqr(z1z1, z);
    Secp256k1Field.sqr(z2z2, q.z);
    Secp256k1Field.mul(u1, x, z2z2);
    Secp256k1Field.mul(u2, q.x, z1z1);
    Secp256k1Field.mul(s1, y, q.z);
    Secp256k1Field.mul(s1, s1, z2z2);
    Secp256k1Field.mul(s2, q.y, z);
    Secp256k1Field.mul(s2, s2, z1z1);
    if (negate) {
      Secp256k1Field.neg(s2, s2);
    }
    long[] h = u2, rr = s2;
    Secp256k1Field.sub(h, u2, u1);
    Secp256k1Field.sub(rr, s2, s1);
    if (Secp256k1Field.isZero(h)) {
      if (Secp256k1Field.isZero(rr)) {
        twice();
      } else {
        infinity = true;
      }
      return;
    }
    // Z3 = ((Z1 + Z2)^2 - Z1Z1 - Z2Z2) * H
    Secp256k1Field.add(z, z, q.z);
    Secp256k1Field.sqr(z, z);
    Secp256k1Field.sub(z, z, z1z1);
    Secp256k1Field.sub(z, z, z2z2);
    Secp256k1Field.mul(z, z, h);
    long[] i = t1, j = t2, v = t7;
    Secp256k1Field.add(i, h, h);
    Secp256k1Field.sqr(i, i);
    Secp256k1Field.mul(j, h, i);
    Secp256k1Field.add(rr, rr, rr);
    Secp256k1Field.mul(v, u1, i);
    Secp256k1Field.sqr(x, rr);
    Secp256k1Field.sub(x, x, j);
    Secp256k1Field.sub(x, x, v);
    Secp256k1Field.sub(x, x, v);
    Secp256k1Field.sub(v, v, x);
    Secp256k1Field.mul(y, rr, v);
    Secp256k1Field.mul(s1, s1, j);
    Secp256k1Field.sub(y, y, s1);
    Secp256k1Field.sub(y, y, s1);
  }

  /**
   * The canonical affine coordinates of every point of {@code points} (none at infinity) into xs[j],
   * ys[j], with one field inversion for all of them (Montgomery's trick).
   */
  static void toAffine(Secp256k1Point[] points, long[][] xs, long[][] ys) {
    int n = points.length;
    long[][] prefix = new long[n][4];
    System.arraycopy(points[0].z, 0, prefix[0], 0, 4);
    for (int j = 1; j < n; j++) {
      Secp256k1Field.mul(prefix[j], prefix[j - 1], points[j].z);
    }
    long[] inverse = new long[4];
    Secp256k1Field.inv(inverse, prefix[n - 1]); // 1 / (z_0 ... z_{n-1})
    long[] zInverse = new long[4];
    long[] z2 = new long[4];
    for (int j = n - 1; j >= 0; j--) {
      if (j > 0) {
        Secp256k1Field.mul(zInverse, inverse, prefix[j - 1]); // 1 / z_j
        Secp256k1Field.mul(inverse, inverse, points[j].z); // 1 / (z_0 ... z_{j-1})
      } else {
        System.arraycopy(inverse, 0, zInverse, 0, 4);
      }
      Secp256k1Field.sqr(z2, zInverse);
      long[] x = new long[4];
      Secp256k1Field.mul(x, points[j].x, z2);
      Secp256k1Field.mul(z2, z2, zInverse);
      long[] y = new long[4];
      Secp256k1Field.mul(y, points[j].y, z2);
      Secp256k1Field.normalize(x);
      Secp256k1Field.normalize(y);
      xs[j] = x;
      ys[j] = y;
    }
  }
}
