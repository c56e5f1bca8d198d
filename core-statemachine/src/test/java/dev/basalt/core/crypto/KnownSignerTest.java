package dev.basalt.core.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.basalt.core.types.Address;
import dev.basalt.core.types.Bytes;
import dev.basalt.core.types.Hash32;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.SplittableRandom;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.math.ec.ECPoint;
import org.junit.jupiter.api.Test;

/**
 * The check against a known key ({@link KnownSigner}) answers "recovery returns this key" exactly:
 * on every seeded vector (valid, high s, flipped parity, damaged s, random r, r and s at and beyond
 * their bounds, recovery ids 2 and 3, a nonce point with x >= n) it agrees with recovering and
 * comparing, and so does the memo's expecting lookup with the plain one.
 */
class KnownSignerTest {
  private static final BigInteger N = Secp256k1.N;
  private static final BigInteger P = Secp256k1Recovery.P;
  private static final X9ECParameters PARAMS = CustomNamedCurves.getByName("secp256k1");

  private record Vector(Hash32 hash, int recoveryId, BigInteger r, BigInteger s, boolean lowS) {}

  private static Hash32 randomHash(SplittableRandom random) {
    byte[] b = new byte[32];
    random.nextBytes(b);
    return Hash32.wrap(b);
  }

  private static SigningKey randomKey(SplittableRandom random) {
    byte[] secret = new byte[32];
    random.nextBytes(secret);
    secret[0] = (byte) (1 + (secret[0] & 0x3f));
    return SigningKey.fromHex(Bytes.of(secret).toHex());
  }

  /** Signatures by {@code key} and damaged variants of them. */
  private static List<Vector> vectors(SigningKey key, SplittableRandom random, int count) {
    List<Vector> out = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      Hash32 hash = randomHash(random);
      EcdsaSignature sig = Secp256k1.sign(hash, key);
      int id = sig.recoveryId();
      BigInteger highS = N.subtract(sig.s());
      out.add(new Vector(hash, id, sig.r(), sig.s(), true));
      out.add(new Vector(hash, id, sig.r(), sig.s(), false));
      out.add(new Vector(hash, 1 - id, sig.r(), highS, false)); // the same signer, high s
      out.add(new Vector(hash, 1 - id, sig.r(), highS, true)); // refused by the low-s rule
      out.add(new Vector(hash, 1 - id, sig.r(), sig.s(), false)); // flipped parity: someone else
      out.add(new Vector(hash, id, sig.r(), highS, false)); // high s, parity kept: someone else
      out.add(new Vector(hash, id, sig.r(), sig.s().add(BigInteger.ONE), false));
      out.add(new Vector(randomHash(random), id, sig.r(), sig.s(), true)); // another message
      out.add(new Vector(hash, id, new BigInteger(256, new Random(random.nextLong())).mod(N), sig.s(), false));
      if (i % 8 == 0) {
        out.add(new Vector(hash, id + 2, sig.r(), sig.s(), false)); // ids 2 and 3 are out of range
        out.add(new Vector(hash, id, sig.r().add(N), sig.s(), false));
        out.add(new Vector(hash, id, sig.r(), sig.s().add(N), false));
        out.add(new Vector(hash, id, N, sig.s(), false));
        out.add(new Vector(hash, id, sig.r(), N, false));
        out.add(new Vector(hash, id, BigInteger.ZERO, sig.s(), false));
        out.add(new Vector(hash, id, sig.r(), BigInteger.ZERO, false));
        out.add(new Vector(hash, -1, sig.r(), sig.s(), false));
      }
    }
    return out;
  }

  private static boolean recoversTo(Vector v, Bytes publicKey) {
    return Secp256k1.recoverPublicKey(v.hash(), v.recoveryId(), v.r(), v.s(), v.lowS()).equals(Optional.of(publicKey));
  }

  private static void assertAgrees(KnownSigner known, Vector v, String where) {
    assertEquals(recoversTo(v, known.publicKey()),
        Secp256k1.recoversTo(known, v.hash(), v.recoveryId(), v.r(), v.s(), v.lowS()), where + ": " + v);
  }

  @Test
  void agreesWithRecoverAndCompareOnSeededVectors() {
    SplittableRandom random = new SplittableRandom(77);
    SigningKey[] keys = new SigningKey[4];
    KnownSigner[] known = new KnownSigner[keys.length];
    for (int k = 0; k < keys.length; k++) {
      keys[k] = randomKey(random);
      known[k] = new KnownSigner(keys[k].publicKey());
    }
    int matches = 0;
    int total = 0;
    for (int k = 0; k < keys.length; k++) {
      for (Vector v : vectors(keys[k], random, 60)) {
        // Against the signer's own key and against another one.
        assertAgrees(known[k], v, "own key " + k);
        assertAgrees(known[(k + 1) % keys.length], v, "other key");
        matches += Secp256k1.recoversTo(known[k], v.hash(), v.recoveryId(), v.r(), v.s(), v.lowS()) ? 1 : 0;
        total++;
      }
    }
    assertTrue(matches > 3 * 4 * 60 - 10 && matches < total / 2, "matches " + matches + " of " + total);
  }

  @Test
  void aNoncePointWithXAtOrAboveNIsNotTakenForR() {
    // R = (x, y) with n <= x < p: the signer's r is x - n, which only recovery ids 2 and 3 express.
    // Recovery with ids 0 and 1 starts from a point with x = r instead; the check must not accept R.
    ECPoint g = PARAMS.getG();
    SplittableRandom random = new SplittableRandom(5);
    int built = 0;
    for (BigInteger x = N.add(BigInteger.TWO); built < 12; x = x.add(BigInteger.valueOf(1 + random.nextInt(1000)))) {
      BigInteger y2 = x.pow(3).add(BigInteger.valueOf(7)).mod(P);
      BigInteger y = y2.modPow(P.add(BigInteger.ONE).shiftRight(2), P);
      if (!y.multiply(y).mod(P).equals(y2)) {
        continue;
      }
      ECPoint bigR = PARAMS.getCurve().createPoint(x, y);
      BigInteger r = x.subtract(N);
      BigInteger s = new BigInteger(255, new Random(random.nextLong())).mod(N.shiftRight(1)).add(BigInteger.ONE);
      Hash32 hash = randomHash(random);
      BigInteger e = new BigInteger(1, hash.toArray());
      // Q = r^-1 (s R - e G): the key that really made this signature.
      ECPoint q = bigR.multiply(s).subtract(g.multiply(e.mod(N))).multiply(r.modInverse(N)).normalize();
      byte[] encoded = q.getEncoded(false);
      Bytes publicKey = Bytes.of(java.util.Arrays.copyOfRange(encoded, 1, 65));
      KnownSigner known = new KnownSigner(publicKey);
      int parity = y.testBit(0) ? 1 : 0;
      for (int id : new int[] {parity, 1 - parity, parity + 2, 3 - parity}) {
        for (boolean lowS : new boolean[] {true, false}) {
          Vector v = new Vector(hash, id, r, s, lowS);
          assertAgrees(known, v, "x >= n");
          assertEquals(false, Secp256k1.recoversTo(known, hash, id, r, s, lowS), "R must not be taken: " + v);
        }
      }
      // The construction is right: a plain verification of the same R with u1, u2 gives R back.
      BigInteger sInverse = s.modInverse(N);
      ECPoint back = g.multiply(e.multiply(sInverse).mod(N)).add(q.multiply(r.multiply(sInverse).mod(N))).normalize();
      assertEquals(x, back.getAffineXCoord().toBigInteger());
      built++;
    }
  }

  @Test
  void scalarLimbsMatchShiftingForEveryBitLength() {
    SplittableRandom random = new SplittableRandom(64);
    for (int bits = 0; bits <= 256; bits++) {
      for (int i = 0; i < 20; i++) {
        BigInteger k = switch (i) {
          case 0 -> BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE); // all ones
          case 1 -> bits == 0 ? BigInteger.ZERO : BigInteger.ONE.shiftLeft(bits - 1); // top bit only
          default -> new BigInteger(bits, new Random(random.nextLong()));
        };
        long[] limbs = FixedBaseTable.limbs(k);
        assertEquals(5, limbs.length);
        for (int j = 0; j < 4; j++) {
          assertEquals(k.shiftRight(64 * j).longValue(), limbs[j], "k " + k.toString(16) + " limb " + j);
        }
        assertEquals(0, limbs[4]);
      }
    }
  }

  @Test
  void tableMultiplesMatchBouncyCastleForAnyPoint() {
    Random random = new Random(9);
    ECPoint g = PARAMS.getG();
    for (int window : new int[] {2, 5, 7, 8, 9, 10}) {
      ECPoint point = g.multiply(new BigInteger(200, random).add(BigInteger.ONE)).normalize();
      FixedBaseTable table = new FixedBaseTable(Secp256k1Field.of(point.getAffineXCoord().toBigInteger()),
          Secp256k1Field.of(point.getAffineYCoord().toBigInteger()), window);
      for (int i = 0; i < 200; i++) {
        BigInteger k = switch (i) {
          case 0 -> BigInteger.ONE;
          case 1 -> N.subtract(BigInteger.ONE);
          case 2 -> BigInteger.ONE.shiftLeft(255);
          case 3 -> BigInteger.ONE.shiftLeft(256).subtract(BigInteger.ONE);
          case 4 -> BigInteger.ONE.shiftLeft(window - 1);
          default -> new BigInteger(256, random);
        };
        Secp256k1Point acc = new Secp256k1Point();
        table.addMultiple(acc, k);
        long[] zInverse = new long[4];
        Secp256k1Field.inv(zInverse, acc.z);
        long[] z2 = new long[4];
        Secp256k1Field.sqr(z2, zInverse);
        long[] x = new long[4];
        Secp256k1Field.mul(x, acc.x, z2);
        Secp256k1Field.mul(z2, z2, zInverse);
        long[] y = new long[4];
        Secp256k1Field.mul(y, acc.y, z2);
        ECPoint expected = point.multiply(k).normalize();
        assertEquals(expected.getAffineXCoord().toBigInteger(), Secp256k1Field.toBigInteger(x), "w " + window + " k " + k.toString(16));
        assertEquals(expected.getAffineYCoord().toBigInteger(), Secp256k1Field.toBigInteger(y), "w " + window + " k " + k.toString(16));
      }
    }
  }

  @Test
  void theExpectingMemoAnswersWhatRecoveryAnswers() {
    SplittableRandom random = new SplittableRandom(31);
    SigningKey[] keys = {randomKey(random), randomKey(random), randomKey(random)};
    List<Vector> vectors = new ArrayList<>();
    for (SigningKey key : keys) {
      vectors.addAll(vectors(key, random, 25));
    }
    Address[] expectations = {keys[0].address(), keys[1].address(), keys[2].address(), Address.ZERO};
    RecoveryMemo memo = new RecoveryMemo();
    int present = 0;
    for (int round = 0; round < 3; round++) {
      for (int i = round; i < vectors.size(); i += 1 + round) {
        Vector v = vectors.get(i);
        Address expected = expectations[(i / 3 + round) % expectations.length];
        Optional<Address> plain = Secp256k1.recoverAddress(v.hash(), v.recoveryId(), v.r(), v.s(), v.lowS());
        assertEquals(plain, memo.recoverAddress(v.hash(), v.recoveryId(), v.r(), v.s(), v.lowS(), expected),
            "vector " + i + " round " + round + " expecting " + expected);
        present += plain.isPresent() ? 1 : 0;
      }
    }
    assertTrue(present > 300, "most vectors recover someone: " + present);
    // A fresh memo answers the same in another order (nothing learned changes an answer).
    RecoveryMemo fresh = new RecoveryMemo();
    for (int i = vectors.size() - 1; i >= 0; i--) {
      Vector v = vectors.get(i);
      assertEquals(Secp256k1.recoverAddress(v.hash(), v.recoveryId(), v.r(), v.s(), v.lowS()),
          fresh.recoverAddress(v.hash(), v.recoveryId(), v.r(), v.s(), v.lowS(), keys[i % 2].address()));
    }
  }

  @Test
  void moreExpectedSignersThanTheMemoKeepsStillAnswerAsRecovery() {
    SplittableRandom random = new SplittableRandom(41);
    SigningKey[] keys = new SigningKey[12];
    for (int k = 0; k < keys.length; k++) {
      keys[k] = randomKey(random);
    }
    RecoveryMemo memo = new RecoveryMemo();
    for (int round = 0; round < 6; round++) {
      for (int k = 0; k < keys.length; k++) {
        // Signed by key k, expected from k or (every third time) from its neighbour.
        Hash32 hash = randomHash(random);
        EcdsaSignature sig = Secp256k1.sign(hash, keys[k]);
        Address expected = keys[(k + (round % 3 == 2 ? 1 : 0)) % keys.length].address();
        assertEquals(Secp256k1.recoverAddress(hash, sig.recoveryId(), sig.r(), sig.s()),
            memo.recoverAddress(hash, sig.recoveryId(), sig.r(), sig.s(), true, expected), "round " + round + " key " + k);
      }
    }
  }

  @Test
  void publicKeyIsKept() {
    SigningKey key = SigningKey.fromHex("45".repeat(32));
    assertArrayEquals(key.publicKey().toArray(), new KnownSigner(key.publicKey()).publicKey().toArray());
  }
}
