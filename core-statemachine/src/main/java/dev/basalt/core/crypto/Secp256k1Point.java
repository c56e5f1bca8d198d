package dev.basalt.core.crypto;

/**
 * A mutable secp256k1 point in Jacobian coordinates (x = X / Z^2, y = Y / Z^3) over
 * {@link Secp256k1Field} limbs, with the doubling and addition formulas the recovery ladder uses
 * (a = 0: dbl-2009-l, madd-2007-bl, add-2007-bl from the Explicit-Formulas Database). Additions
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

  /** this = 2 * this. */
  void twice() {
    if (infinity) {
      return;
    }
    long[] a = t1, b = t2, c = t3, d = t4, e = t5;
    Secp256k1Field.sqr(a, x);
    Secp256k1Field.sqr(b, y);
    Secp256k1Field.sqr(c, b);
    Secp256k1Field.add(d, x, b);
    Secp256k1Field.sqr(d, d);
    Secp256k1Field.sub(d, d, a);
    Secp256k1Field.sub(d, d, c);
    Secp256k1Field.add(d, d, d);
    Secp256k1Field.add(e, a, a);
    Secp256k1Field.add(e, e, a);
    // Z3 = 2 Y Z before Y changes
    Secp256k1Field.mul(z, y, z);
    Secp256k1Field.add(z, z, z);
    Secp256k1Field.sqr(x, e); // F
    Secp256k1Field.sub(x, x, d);
    Secp256k1Field.sub(x, x, d);
    Secp256k1Field.sub(d, d, x);
    Secp256k1Field.mul(y, e, d);
    Secp256k1Field.add(c, c, c);
    Secp256k1Field.add(c, c, c);
    Secp256k1Field.add(c, c, c);
    Secp256k1Field.sub(y, y, c);
  }

  /** this += (ax, ay) (an affine point; negated when {@code negate}). */
  void addAffine(long[] ax, long[] ay, boolean negate) {
    long[] qy = t7;
    if (negate) {
      Secp256k1Field.neg(qy, ay);
    } else {
      System.arraycopy(ay, 0, qy, 0, 4);
    }
    if (infinity) {
      System.arraycopy(ax, 0, x, 0, 4);
      System.arraycopy(qy, 0, y, 0, 4);
      java.util.Arrays.fill(z, 0);
      z[0] = 1;
      infinity = false;
      return;
    }
    long[] z1z1 = t1, u2 = t2, s2 = t3, h = t4, rr = t5;
    Secp256k1Field.sqr(z1z1, z);
    Secp256k1Field.mul(u2, ax, z1z1);
    Secp256k1Field.mul(s2, qy, z);
    Secp256k1Field.mul(s2, s2, z1z1);
    Secp256k1Field.sub(h, u2, x);
    Secp256k1Field.sub(rr, s2, y);
    if (Secp256k1Field.isZero(h)) {
      if (Secp256k1Field.isZero(rr)) {
        twice();
      } else {
        infinity = true;
      }
      return;
    }
    long[] hh = t2, i = t3, j = t6, v = t7;
    Secp256k1Field.sqr(hh, h);
    Secp256k1Field.add(i, hh, hh);
    Secp256k1Field.add(i, i, i);
    Secp256k1Field.mul(j, h, i);
    Secp256k1Field.add(rr, rr, rr);
    Secp256k1Field.mul(v, x, i); // V = X1 * I (qy no longer needed)
    // Z3 = (Z1 + H)^2 - Z1Z1 - HH
    Secp256k1Field.add(z, z, h);
    Secp256k1Field.sqr(z, z);
    Secp256k1Field.sub(z, z, z1z1);
    Secp256k1Field.sub(z, z, hh);
    // Y1 * J into i (I no longer needed)
    Secp256k1Field.mul(i, y, j);
    Secp256k1Field.sqr(x, rr);
    Secp256k1Field.sub(x, x, j);
    Secp256k1Field.sub(x, x, v);
    Secp256k1Field.sub(x, x, v);
    Secp256k1Field.sub(v, v, x);
    Secp256k1Field.mul(y, rr, v);
    Secp256k1Field.sub(y, y, i);
    Secp256k1Field.sub(y, y, i);
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
}
