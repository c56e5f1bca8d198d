package dev.basalt.core.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.basalt.core.types.Hash32;
import java.math.BigInteger;
import java.util.Random;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The fast recovery against BouncyCastle's, on seeded random, signed and edge-case vectors. */
class Secp256k1RecoveryTest {
  private static final BigInteger N = Secp256k1.N;
  private static final BigInteger P = Secp256k1Recovery.P;

  private static BigInteger random(Random random, BigInteger below) {
    BigInteger v;
    do {
      v = new BigInteger(below.bitLength(), random);
    } while (v.compareTo(below) >= 0);
    return v;
  }

  @Test
  void fieldArithmeticMatchesBigInteger() {
    Random random = new Random(1);
    BigInteger[] specials = {BigInteger.ZERO, BigInteger.ONE, P.subtract(BigInteger.ONE), P.subtract(BigInteger.TWO),
        BigInteger.ONE.shiftLeft(255), BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE)};
    for (int i = 0; i < 5000; i++) {
      BigInteger a = i < specials.length ? specials[i] : random(random, P);
      BigInteger b = i % specials.length < specials.length && i < 36 ? specials[(i / specials.length) % specials.length] : random(random, P);
      long[] fa = Secp256k1Field.of(a);
      long[] fb = Secp256k1Field.of(b);
      long[] r = new long[4];
      Secp256k1Field.mul(r, fa, fb);
      assertEquals(a.multiply(b).mod(P), Secp256k1Field.toBigInteger(r));
      Secp256k1Field.add(r, fa, fb);
      assertEquals(a.add(b).mod(P), Secp256k1Field.toBigInteger(r));
      Secp256k1Field.sub(r, fa, fb);
      assertEquals(a.subtract(b).mod(P), Secp256k1Field.toBigInteger(r));
      Secp256k1Field.mulSmall(r, fa, 8);
      assertEquals(a.multiply(BigInteger.valueOf(8)).mod(P), Secp256k1Field.toBigInteger(r));
      if (a.signum() != 0) {
        Secp256k1Field.inv(r, fa);
        assertEquals(a.modInverse(P), Secp256k1Field.toBigInteger(r));
      }
      long[] root = Secp256k1Field.sqrt(fa);
      BigInteger expected = a.modPow(P.add(BigInteger.ONE).shiftRight(2), P);
      boolean square = expected.multiply(expected).mod(P).equals(a);
      assertEquals(square, root != null);
      if (root != null) {
        assertEquals(expected, Secp256k1Field.toBigInteger(root));
      }
    }
  }

  @Test
  void weaklyReducedInputsStillGiveCanonicalResults() {
    // p + 5 is a legal limb value (below 2^256) and must behave as 5.
    long[] five = Secp256k1Field.of(BigInteger.valueOf(5));
    long[] pPlusFive = {five[0] + 0xFFFFFFFEFFFFFC2FL, -1L, -1L, -1L};
    assertEquals(P.add(BigInteger.valueOf(5)).mod(BigInteger.ONE.shiftLeft(256)).mod(P), BigInteger.valueOf(5));
    long[] r = new long[4];
    Secp256k1Field.mul(r, pPlusFive, pPlusFive);
    assertEquals(BigInteger.valueOf(25), Secp256k1Field.toBigInteger(r));
    Secp256k1Field.sub(r, five, pPlusFive);
    assertTrue(Secp256k1Field.isZero(r));
    Secp256k1Field.add(r, pPlusFive, pPlusFive);
    assertEquals(BigInteger.TEN, Secp256k1Field.toBigInteger(r));
  }

  @Test
  void glvSplitRecombines() {
    Random random = new Random(2);
    for (int i = 0; i < 3000; i++) {
      BigInteger k = i < 3 ? BigInteger.valueOf(i) : i < 6 ? N.subtract(BigInteger.valueOf(i - 2)) : random(random, N);
      BigInteger[] parts = Secp256k1Recovery.split(k);
      assertEquals(k, parts[0].add(parts[1].multiply(Secp256k1Recovery.LAMBDA)).mod(N));
      assertTrue(parts[0].bitLength() <= 129 && parts[1].bitLength() <= 129, "halves stay short");
    }
  }

  @Test
  void wnafDigitsSumToTheScalar() {
    Random random = new Random(3);
    for (int w : new int[] {2, 5, 10}) {
      for (int i = 0; i < 2000; i++) {
        BigInteger k = i < 64 ? BigInteger.valueOf(i) : new BigInteger(1 + random.nextInt(130), random);
        int[] digits = Secp256k1Recovery.wnaf(k, w);
        BigInteger sum = BigInteger.ZERO;
        for (int j = digits.length - 1; j >= 0; j--) {
          int d = digits[j];
          assertTrue(d == 0 || ((d & 1) == 1 && Math.abs(d) < (1 << (w - 1))), "digit " + d);
          sum = sum.shiftLeft(1).add(BigInteger.valueOf(d));
        }
        assertEquals(k, sum);
      }
    }
  }

  @Test
  void signedVectorsRecoverTheSigner() {
    SplittableRandom random = new SplittableRandom(4);
    for (int i = 0; i < 1000; i++) {
      byte[] secret = new byte[32];
      random.nextBytes(secret);
      secret[0] &= 0x7f;
      secret[31] |= 1;
      SigningKey key = SigningKey.fromHex(dev.basalt.core.types.Bytes.of(secret).toHex());
      byte[] hash = new byte[32];
      random.nextBytes(hash);
      EcdsaSignature sig = Secp256k1.sign(Hash32.wrap(hash), key);
      BigInteger e = new BigInteger(1, hash);
      byte[] fast = Secp256k1Recovery.recover(e, sig.r(), sig.s(), sig.recoveryId() == 1);
      assertArrayEquals(ReferenceRecovery.recover(e, sig.r(), sig.s(), sig.recoveryId() == 1), fast);
      assertEquals(key.address(), Secp256k1.addressOf(dev.basalt.core.types.Bytes.of(fast)));
    }
  }

  @Test
  void randomAndEdgeSignaturesMatchBouncyCastle() {
    Random random = new Random(5);
    BigInteger[] edges = {BigInteger.ONE, BigInteger.TWO, N.subtract(BigInteger.ONE), N.subtract(BigInteger.TWO), N.shiftRight(1),
        Secp256k1Recovery.GX_FOR_TESTS, BigInteger.ONE.shiftLeft(128)};
    int empty = 0;
    for (int i = 0; i < 4000; i++) {
      BigInteger r = i < 400 ? edges[i % edges.length] : random(random, N.subtract(BigInteger.ONE)).add(BigInteger.ONE);
      BigInteger s = i < 400 ? edges[(i / edges.length) % edges.length] : random(random, N.subtract(BigInteger.ONE)).add(BigInteger.ONE);
      BigInteger e = switch (i % 5) {
        case 0 -> BigInteger.ZERO;
        case 1 -> N; // hash values of n or more are used unreduced, as BouncyCastle does
        case 2 -> BigInteger.ONE.shiftLeft(256).subtract(BigInteger.ONE);
        default -> new BigInteger(256, random);
      };
      boolean odd = random.nextBoolean();
      byte[] expected = ReferenceRecovery.recover(e, r, s, odd);
      byte[] actual = Secp256k1Recovery.recover(e, r, s, odd);
      assertArrayEquals(expected, actual, "r=" + r.toString(16) + " s=" + s.toString(16) + " e=" + e.toString(16));
      if (expected == null) {
        empty++;
      }
    }
    assertTrue(empty > 1000 && empty < 3000, "about half the random r are not x coordinates: " + empty);
  }

  @Test
  void exceptionalAdditionsAreHandled() {
    // e = s: u1 = -u2, so Q = u2 (R - G); with R = G (r = Gx, even y) the result is infinity.
    BigInteger gx = Secp256k1Recovery.GX_FOR_TESTS;
    for (BigInteger s : new BigInteger[] {BigInteger.ONE, BigInteger.valueOf(12345), N.subtract(BigInteger.ONE)}) {
      for (boolean odd : new boolean[] {false, true}) {
        for (BigInteger e : new BigInteger[] {s, N.subtract(s), s.add(BigInteger.ONE)}) {
          assertArrayEquals(ReferenceRecovery.recover(e, gx, s, odd), Secp256k1Recovery.recover(e, gx, s, odd));
        }
      }
    }
  }

  @Test
  void baseMultiplesMatchBouncyCastle() {
    var params = org.bouncycastle.crypto.ec.CustomNamedCurves.getByName("secp256k1");
    Random random = new Random(6);
    for (int i = 0; i < 1000; i++) {
      BigInteger k = i < 3 ? BigInteger.valueOf(i + 1) : i < 6 ? N.subtract(BigInteger.valueOf(i - 2)) : random(random, N.subtract(BigInteger.ONE)).add(BigInteger.ONE);
      byte[] encoded = new org.bouncycastle.math.ec.FixedPointCombMultiplier().multiply(params.getG(), k).normalize().getEncoded(false);
      assertArrayEquals(java.util.Arrays.copyOfRange(encoded, 1, 65), Secp256k1Recovery.baseMultiple(k), "k=" + k.toString(16));
    }
  }

  /** Scalars whose signed 8-bit digits carry a lot, or sit at the digit bounds (-128, 127, 0). */
  private static BigInteger[] combEdges() {
    java.util.List<BigInteger> out = new java.util.ArrayList<>();
    for (int b : new int[] {0x7f, 0x80, 0x81, 0xff, 0x01, 0xfe}) {
      byte[] bytes = new byte[32];
      java.util.Arrays.fill(bytes, (byte) b);
      out.add(new BigInteger(1, bytes).mod(N));
    }
    for (int bit = 0; bit < 256; bit += 7) {
      out.add(BigInteger.ONE.shiftLeft(bit).mod(N));
      out.add(BigInteger.ONE.shiftLeft(bit).subtract(BigInteger.ONE).mod(N));
    }
    out.add(N.subtract(BigInteger.ONE));
    out.add(N.shiftRight(1));
    out.add(N.shiftRight(1).add(BigInteger.ONE));
    out.removeIf(k -> k.signum() == 0);
    return out.toArray(new BigInteger[0]);
  }

  @Test
  void combTableMatchesTheLadderAndBouncyCastle() {
    var params = org.bouncycastle.crypto.ec.CustomNamedCurves.getByName("secp256k1");
    BigInteger[] edges = combEdges();
    Random random = new Random(8);
    for (int i = 0; i < 3000; i++) {
      BigInteger k = i < edges.length ? edges[i] : random(random, N.subtract(BigInteger.ONE)).add(BigInteger.ONE);
      byte[] comb = Secp256k1Recovery.baseMultiple(k);
      Secp256k1Point ladder = Secp256k1Recovery.sumOfTwoMultiples(k, null, BigInteger.ZERO);
      long[] zInverse = new long[4];
      Secp256k1Field.inv(zInverse, ladder.z);
      long[] z2 = new long[4];
      Secp256k1Field.sqr(z2, zInverse);
      long[] x = new long[4];
      Secp256k1Field.mul(x, ladder.x, z2);
      Secp256k1Field.normalize(x);
      byte[] ladderX = new byte[32];
      Secp256k1Field.toBytes(x, ladderX, 0);
      assertArrayEquals(ladderX, java.util.Arrays.copyOf(comb, 32), "k=" + k.toString(16));
      if (i < edges.length || i % 10 == 0) {
        byte[] encoded = new org.bouncycastle.math.ec.FixedPointCombMultiplier().multiply(params.getG(), k).normalize().getEncoded(false);
        assertArrayEquals(java.util.Arrays.copyOfRange(encoded, 1, 65), comb, "k=" + k.toString(16));
      }
    }
  }
}
