package dev.basalt.core.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Field primitives against BigInteger on limb values that are not canonical too: every operation
 * must accept any value below 2^256 (p + x for small x is legal) and answer a value below 2^256
 * congruent to the right result.
 */
class Secp256k1FieldTest {
  private static final BigInteger P = Secp256k1Recovery.P;
  private static final BigInteger TWO_256 = BigInteger.ONE.shiftLeft(256);
  private static final long[] SMALLS = {0, 1, 2, 3, 8, 977, 0x7FFFFFFFL, 0x40000000L, 12345678};

  /** 0, 1, p - 1, p, p + 1, 2^256 - 1, limb boundaries and seeded random values below 2^256. */
  private static List<BigInteger> values(long seed, int count) {
    List<BigInteger> out = new ArrayList<>();
    for (long small = 0; small < 4; small++) {
      out.add(BigInteger.valueOf(small));
      out.add(P.subtract(BigInteger.valueOf(small + 1)));
      out.add(P.add(BigInteger.valueOf(small)));
      out.add(TWO_256.subtract(BigInteger.valueOf(small + 1)));
    }
    for (int bit = 0; bit < 256; bit += 32) {
      out.add(BigInteger.ONE.shiftLeft(bit));
      out.add(BigInteger.ONE.shiftLeft(bit).subtract(BigInteger.ONE));
      out.add(TWO_256.subtract(BigInteger.ONE.shiftLeft(bit)));
    }
    Random random = new Random(seed);
    while (out.size() < count) {
      out.add(new BigInteger(256, random));
    }
    return out;
  }

  private static long[] limbs(BigInteger v) {
    return Secp256k1Recovery.limbs(v);
  }

  private static BigInteger value(long[] limbs) {
    return Secp256k1Recovery.unsigned(limbs);
  }

  @Test
  void halfMatchesBigInteger() {
    BigInteger halfModP = BigInteger.TWO.modInverse(P);
    for (BigInteger a : values(21, 20_000)) {
      long[] r = new long[4];
      Secp256k1Field.half(r, limbs(a));
      assertEquals(a.multiply(halfModP).mod(P), value(r).mod(P), () -> "a=" + a.toString(16));
      long[] inPlace = limbs(a);
      Secp256k1Field.half(inPlace, inPlace);
      assertEquals(value(r), value(inPlace));
    }
  }

  @Test
  void isZeroOnlyForMultiplesOfP() {
    for (BigInteger a : values(22, 5_000)) {
      assertEquals(a.mod(P).signum() == 0, Secp256k1Field.isZero(limbs(a)), () -> "a=" + a.toString(16));
    }
  }

  @Test
  void mulSqrAddSubOnWeaklyReducedValues() {
    List<BigInteger> as = values(23, 5_000);
    List<BigInteger> bs = values(24, 5_000);
    for (int i = 0; i < as.size(); i++) {
      BigInteger a = as.get(i);
      BigInteger b = bs.get((i * 7) % bs.size());
      long[] r = new long[4];
      Secp256k1Field.mul(r, limbs(a), limbs(b));
      assertEquals(a.multiply(b).mod(P), value(r).mod(P));
      Secp256k1Field.sqr(r, limbs(a));
      assertEquals(a.multiply(a).mod(P), value(r).mod(P));
      Secp256k1Field.add(r, limbs(a), limbs(b));
      assertEquals(a.add(b).mod(P), value(r).mod(P));
      Secp256k1Field.sub(r, limbs(a), limbs(b));
      assertEquals(a.subtract(b).mod(P), value(r).mod(P));
      long small = SMALLS[i % SMALLS.length];
      Secp256k1Field.mulSmall(r, limbs(a), small);
      assertEquals(a.multiply(BigInteger.valueOf(small)).mod(P), value(r).mod(P), "small " + small);
      long[] inv = new long[4];
      Secp256k1Field.inv(inv, limbs(a));
      BigInteger expected = a.mod(P).signum() == 0 ? BigInteger.ZERO : a.modInverse(P);
      assertEquals(expected, value(inv), "canonical inverse");
    }
  }

  /** Every combination of extreme limbs (0, 1, 2^63, 2^64 - 2, 2^64 - 1): the carries of mul and sqr. */
  @Test
  void extremeLimbPatterns() {
    long[] patterns = {0, 1, Long.MIN_VALUE, -2, -1};
    List<long[]> all = new ArrayList<>();
    for (int code = 0; code < 625; code++) {
      int c = code;
      long[] v = new long[4];
      for (int i = 0; i < 4; i++) {
        v[i] = patterns[c % 5];
        c /= 5;
      }
      all.add(v);
    }
    for (int i = 0; i < all.size(); i++) {
      long[] a = all.get(i);
      BigInteger av = value(a);
      long[] r = new long[4];
      Secp256k1Field.sqr(r, a);
      assertEquals(av.multiply(av).mod(P), value(r).mod(P), () -> "a=" + av.toString(16));
      for (int j = i % 7; j < all.size(); j += 7) {
        long[] b = all.get(j);
        Secp256k1Field.mul(r, a, b);
        assertEquals(av.multiply(value(b)).mod(P), value(r).mod(P));
      }
      Secp256k1Field.half(r, a);
      assertEquals(av.multiply(BigInteger.TWO.modInverse(P)).mod(P), value(r).mod(P));
      Secp256k1Field.mulSmall(r, a, 0x7FFFFFFFL);
      assertEquals(av.multiply(BigInteger.valueOf(0x7FFFFFFFL)).mod(P), value(r).mod(P));
    }
  }
}
