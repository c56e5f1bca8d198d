package dev.basalt.core.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Products mod n on limbs equal BigInteger's a b mod n: every pair of edge values (0, 1, n - 1, n,
 * n + 1, 2^256 - 1, c = 2^256 - n and its neighbours, single limbs all ones, powers of two) and
 * seeded random values of every size, incl. products that reduce to just below and just above n.
 */
class Secp256k1ScalarTest {
  private static final BigInteger N = Secp256k1.N;
  private static final BigInteger TWO_256 = BigInteger.ONE.shiftLeft(256);

  private static BigInteger product(BigInteger a, BigInteger b) {
    long[] r = new long[4];
    Secp256k1Scalar.mulModN(r, limbs(a), limbs(b));
    return Secp256k1Recovery.unsigned(r);
  }

  private static long[] limbs(BigInteger v) {
    long[] out = new long[4];
    for (int i = 0; i < 4; i++) {
      out[i] = v.shiftRight(64 * i).longValue();
    }
    return out;
  }

  private static List<BigInteger> edges() {
    BigInteger c = TWO_256.subtract(N);
    List<BigInteger> out = new ArrayList<>(List.of(BigInteger.ZERO, BigInteger.ONE, BigInteger.TWO,
        N.subtract(BigInteger.ONE), N, N.add(BigInteger.ONE), N.shiftRight(1), TWO_256.subtract(BigInteger.ONE),
        c, c.subtract(BigInteger.ONE), c.add(BigInteger.ONE), TWO_256.subtract(c.shiftLeft(1))));
    for (int limb = 0; limb < 4; limb++) {
      out.add(BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE).shiftLeft(64 * limb));
      out.add(BigInteger.ONE.shiftLeft(64 * limb + 63));
    }
    return out;
  }

  @Test
  void edgeProductsMatchBigInteger() {
    for (BigInteger a : edges()) {
      for (BigInteger b : edges()) {
        assertEquals(a.multiply(b).mod(N), product(a, b), () -> a.toString(16) + " * " + b.toString(16));
      }
    }
  }

  @Test
  void seededProductsMatchBigInteger() {
    SplittableRandom random = new SplittableRandom(256);
    for (int i = 0; i < 200_000; i++) {
      BigInteger a = new BigInteger(1 + random.nextInt(256), new Random(random.nextLong()));
      BigInteger b = new BigInteger(1 + random.nextInt(256), new Random(random.nextLong()));
      assertEquals(a.multiply(b).mod(N), product(a, b), () -> a.toString(16) + " * " + b.toString(16));
    }
  }

  @Test
  void sumsAndReductionsMatchBigInteger() {
    List<BigInteger> below = new ArrayList<>();
    for (BigInteger v : edges()) {
      below.add(v.mod(N));
    }
    SplittableRandom random = new SplittableRandom(512);
    for (int i = 0; i < 2000; i++) {
      below.add(new BigInteger(1 + random.nextInt(256), new Random(random.nextLong())).mod(N));
    }
    for (int i = 0; i < below.size(); i++) {
      BigInteger a = below.get(i);
      for (int j = i % 97; j < below.size(); j += 97) {
        BigInteger b = below.get(j);
        long[] r = new long[4];
        Secp256k1Scalar.addModN(r, limbs(a), limbs(b));
        assertEquals(a.add(b).mod(N), Secp256k1Recovery.unsigned(r), () -> a.toString(16) + " + " + b.toString(16));
      }
    }
    for (BigInteger v : edges()) {
      long[] r = new long[4];
      Secp256k1Scalar.modN(r, limbs(v));
      assertEquals(v.mod(N), Secp256k1Recovery.unsigned(r), v.toString(16));
    }
  }

  @Test
  void productsLandingAroundTheOrder() {
    // a (a^-1 (n + d)) ≡ d, computed from a product near 0 or n: x = a^-1 d mod n, for small |d|.
    SplittableRandom random = new SplittableRandom(7);
    for (int i = 0; i < 20_000; i++) {
      BigInteger a = new BigInteger(256, new Random(random.nextLong())).mod(N.subtract(BigInteger.ONE)).add(BigInteger.ONE);
      BigInteger d = BigInteger.valueOf(random.nextInt(65) - 32).mod(N);
      BigInteger b = a.modInverse(N).multiply(d).mod(N);
      assertEquals(d, product(a, b));
      BigInteger wrapped = b.add(N).mod(TWO_256); // an input at or above n where it fits
      assertEquals(a.multiply(wrapped).mod(N), product(a, wrapped));
    }
  }
}
