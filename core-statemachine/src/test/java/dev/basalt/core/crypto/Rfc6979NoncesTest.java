package dev.basalt.core.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.basalt.core.types.Hash32;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.junit.jupiter.api.Test;

/**
 * The own RFC 6979 nonces draw exactly BouncyCastle's HMacDSAKCalculator's sequence: on seeded
 * secrets and hashes (incl. hashes at and above n, secrets 1 and n - 1), several draws per message,
 * and with 256-bit orders so small against 2^256 that most candidates are rejected, which exercises
 * the retry (K = HMAC_K(V ‖ 0x00)) that secp256k1's n practically never needs.
 */
class Rfc6979NoncesTest {
  private static final BigInteger N = Secp256k1.N;

  private static BigInteger random256(SplittableRandom random) {
    byte[] b = new byte[32];
    random.nextBytes(b);
    return new BigInteger(1, b);
  }

  private static byte[] bytes32(BigInteger v) {
    byte[] be = v.toByteArray();
    byte[] out = new byte[32];
    int length = Math.min(be.length, 32);
    System.arraycopy(be, be.length - length, out, 32 - length, length);
    return out;
  }

  private static void assertSameDraws(BigInteger n, BigInteger d, byte[] message, int draws) {
    HMacDSAKCalculator reference = new HMacDSAKCalculator(new SHA256Digest());
    reference.init(n, d, message);
    Rfc6979Nonces own = new Rfc6979Nonces(n, d, message);
    for (int i = 0; i < draws; i++) {
      assertEquals(reference.nextK(), own.next(), () -> "d " + d.toString(16) + " m " + new BigInteger(1, message).toString(16));
    }
  }

  @Test
  void drawsBouncyCastlesNoncesOnSeededKeysAndHashes() {
    SplittableRandom random = new SplittableRandom(6979);
    for (int i = 0; i < 3000; i++) {
      BigInteger d = random256(random).mod(N.subtract(BigInteger.ONE)).add(BigInteger.ONE);
      byte[] message = new byte[32];
      random.nextBytes(message);
      assertSameDraws(N, d, message, 1 + i % 3);
    }
  }

  @Test
  void edgeSecretsAndHashesAtAndAboveTheOrder() {
    BigInteger[] secrets = {BigInteger.ONE, BigInteger.TWO, N.subtract(BigInteger.ONE), N.shiftRight(1)};
    BigInteger[] hashes = {
      BigInteger.ZERO, BigInteger.ONE, N.subtract(BigInteger.ONE), N, N.add(BigInteger.ONE),
      BigInteger.ONE.shiftLeft(256).subtract(BigInteger.ONE), BigInteger.ONE.shiftLeft(255)
    };
    for (BigInteger d : secrets) {
      for (BigInteger h : hashes) {
        assertSameDraws(N, d, bytes32(h), 3);
      }
    }
  }

  @Test
  void retriesLikeBouncyCastleWhenCandidatesReachTheOrder() {
    SplittableRandom random = new SplittableRandom(17);
    // 256-bit orders just above 2^255: each candidate is rejected with probability about 1/2, so
    // 4,000 draws retry some 4,000 times (all passing without a retry has probability 2^-4000).
    for (int i = 0; i < 1000; i++) {
      BigInteger n = BigInteger.ONE.shiftLeft(255).add(BigInteger.valueOf(random.nextLong() & Long.MAX_VALUE));
      BigInteger d = random256(random).mod(n.subtract(BigInteger.ONE)).add(BigInteger.ONE);
      byte[] message = new byte[32];
      random.nextBytes(message);
      assertSameDraws(n, d, message, 4);
    }
  }

  @Test
  void signaturesEqualBouncyCastlesDeterministicEcdsa() {
    X9ECParameters params = CustomNamedCurves.getByName("secp256k1");
    ECDomainParameters domain = new ECDomainParameters(params.getCurve(), params.getG(), params.getN(), params.getH());
    SplittableRandom random = new SplittableRandom(99);
    BigInteger[] edgeHashes = {BigInteger.ZERO, BigInteger.ONE, N.subtract(BigInteger.ONE), N, N.add(BigInteger.ONE),
        BigInteger.ONE.shiftLeft(256).subtract(BigInteger.ONE)};
    for (int i = 0; i < 1000; i++) {
      BigInteger d = i % 100 == 1 ? N.subtract(BigInteger.ONE) : random256(random).mod(N.subtract(BigInteger.ONE)).add(BigInteger.ONE);
      byte[] message = new byte[32];
      random.nextBytes(message);
      if (i % 10 == 0) {
        message = bytes32(edgeHashes[(i / 10) % edgeHashes.length]); // hashes at and above n
      }
      ECDSASigner signer = new ECDSASigner(new HMacDSAKCalculator(new SHA256Digest()));
      signer.init(true, new ECPrivateKeyParameters(d, domain));
      BigInteger[] rs = signer.generateSignature(message);
      BigInteger s = rs[1].compareTo(Secp256k1.HALF_N) > 0 ? N.subtract(rs[1]) : rs[1];
      EcdsaSignature own = Secp256k1.sign(Hash32.wrap(Arrays.copyOf(message, 32)), SigningKey.fromScalar(d));
      assertEquals(rs[0], own.r());
      assertEquals(s, own.s());
    }
  }
}
