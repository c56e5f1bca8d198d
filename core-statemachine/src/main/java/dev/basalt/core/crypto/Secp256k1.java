package dev.basalt.core.crypto;

import dev.basalt.core.types.Address;
import dev.basalt.core.types.Bytes;
import dev.basalt.core.types.Hash32;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.Optional;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;

/**
 * secp256k1 signing and public-key recovery as Ethereum uses them.
 *
 * <p>Recovery follows SEC 1 §4.1.6 restricted to recovery ids 0 and 1 (r is the x coordinate
 * itself, never x - n), which is all an Ethereum signature can express. Invalid signatures are an
 * expected input (any L1 transaction may carry one), so recovery answers {@link Optional#empty()}
 * instead of throwing. Signing uses RFC 6979 deterministic nonces with HMAC-SHA256 and normalises to
 * low s, as go-ethereum's libsecp256k1 signer does, so the same key and hash always give the same
 * signature.
 */
public final class Secp256k1 {
  private static final X9ECParameters PARAMS = CustomNamedCurves.getByName("secp256k1");

  /** The group order n. */
  public static final BigInteger N = PARAMS.getN();

  /** n / 2: the largest s go-ethereum accepts in a transaction signature (EIP-2). */
  public static final BigInteger HALF_N = N.shiftRight(1);

  private Secp256k1() {}

  /**
   * The address that signed {@code hash}, enforcing low s (EIP-2, as go-ethereum's homestead check
   * does for transactions and EIP-7702 does for authorizations); empty when the signature is
   * invalid.
   */
  public static Optional<Address> recoverAddress(Hash32 hash, int recoveryId, BigInteger r, BigInteger s) {
    return recoverAddress(hash, recoveryId, r, s, true);
  }

  /** As {@link #recoverAddress(Hash32, int, BigInteger, BigInteger)}, with the low-s rule optional. */
  public static Optional<Address> recoverAddress(
      Hash32 hash, int recoveryId, BigInteger r, BigInteger s, boolean requireLowS) {
    return recoverPublicKey(hash, recoveryId, r, s, requireLowS).map(Secp256k1::addressOf);
  }

  /** The 64-byte public key (x ‖ y) that signed {@code hash}, or empty when invalid. */
  public static Optional<Bytes> recoverPublicKey(
      Hash32 hash, int recoveryId, BigInteger r, BigInteger s, boolean requireLowS) {
    if (!inRange(recoveryId, r, s, requireLowS)) {
      return Optional.empty();
    }
    // r < n < p, so r is a valid field element; find the curve point with that x and parity.
    byte[] key = Secp256k1Recovery.recover(new BigInteger(1, hash.toArray()), r, s, recoveryId == 1);
    return key == null ? Optional.empty() : Optional.of(Bytes.wrapOwned(key));
  }

  /**
   * Whether recovery of this signature would return {@code signer}'s key, checked without
   * recovering ({@link KnownSigner#signed}); false also when the signature is out of range, and
   * otherwise means only "not shown": the caller then recovers.
   */
  static boolean recoversTo(
      KnownSigner signer, Hash32 hash, int recoveryId, BigInteger r, BigInteger s, boolean requireLowS) {
    return inRange(recoveryId, r, s, requireLowS)
        && signer.signed(new BigInteger(1, hash.toArray()), r, s, recoveryId == 1);
  }

  private static boolean inRange(int recoveryId, BigInteger r, BigInteger s, boolean requireLowS) {
    if (recoveryId != 0 && recoveryId != 1) {
      return false;
    }
    if (r.signum() <= 0 || r.compareTo(N) >= 0 || s.signum() <= 0 || s.compareTo(N) >= 0) {
      return false;
    }
    return !requireLowS || s.compareTo(HALF_N) <= 0;
  }

  /** Signs {@code hash} with an RFC 6979 nonce; the result always has low s. */
  public static EcdsaSignature sign(Hash32 hash, SigningKey key) {
    byte[] message = hash.toArray();
    BigInteger d = key.secret();
    // s = k^-1 (e + d r) mod n on limbs (Secp256k1Scalar), not BigInteger products and divisions.
    long[] e = FixedBaseTable.limbs(new BigInteger(1, message));
    Secp256k1Scalar.modN(e, e);
    long[] dLimbs = FixedBaseTable.limbs(d);
    Rfc6979Nonces nonces = new Rfc6979Nonces(N, d, message);
    while (true) {
      BigInteger k = nonces.next();
      byte[] bigR = Secp256k1Recovery.baseMultiple(k);
      BigInteger r = new BigInteger(1, Arrays.copyOf(bigR, 32));
      // r >= n would need recovery id 2 or 3, which Ethereum cannot express; RFC 6979 lets us
      // draw the next nonce instead (probability about 2^-128).
      if (r.signum() == 0 || r.compareTo(N) >= 0) {
        continue;
      }
      long[] sLimbs = FixedBaseTable.limbs(r);
      Secp256k1Scalar.mulModN(sLimbs, dLimbs, sLimbs);
      Secp256k1Scalar.addModN(sLimbs, sLimbs, e);
      long[] kInverse = FixedBaseTable.limbs(k);
      ModularInverse.ORDER.invert(kInverse, kInverse);
      Secp256k1Scalar.mulModN(sLimbs, kInverse, sLimbs);
      BigInteger s = Secp256k1Recovery.unsigned(sLimbs);
      if (s.signum() == 0) {
        continue;
      }
      int recoveryId = bigR[63] & 1;
      if (s.compareTo(HALF_N) > 0) {
        // -s is equally valid and corresponds to the negated nonce point, so the parity flips.
        s = N.subtract(s);
        recoveryId ^= 1;
      }
      return new EcdsaSignature(recoveryId, r, s);
    }
  }

  /** The 64-byte public key of a private scalar. */
  static Bytes publicKeyOf(BigInteger secret) {
    return Bytes.wrapOwned(Secp256k1Recovery.baseMultiple(secret));
  }

  /** The address of a 64-byte public key: the last 20 bytes of its Keccak-256. */
  public static Address addressOf(Bytes publicKey) {
    if (publicKey.length() != 64) {
      throw new IllegalArgumentException("public key must have 64 bytes, got " + publicKey.length());
    }
    return Address.wrap(Keccak.hash(publicKey.toArray()).toArray(), 12);
  }
}
