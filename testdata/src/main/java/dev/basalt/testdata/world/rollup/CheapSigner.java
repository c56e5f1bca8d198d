package dev.basalt.testdata.world.rollup;

import dev.basalt.core.crypto.EcdsaSignature;
import dev.basalt.core.crypto.Keccak;
import dev.basalt.core.crypto.Secp256k1;
import dev.basalt.core.crypto.SigningKey;
import dev.basalt.core.types.Bytes;
import dev.basalt.core.types.Hash32;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;

/**
 * Valid, deterministic secp256k1 signatures for the world's throwaway L2 user keys at a fraction of
 * the cost of {@link Secp256k1#sign}: the nonce comes from a small fixed pool whose points {@code kG}
 * were computed once, so a signature costs a few 256-bit multiplications instead of a scalar
 * multiplication of the curve's generator (which dominated a simulated world's time).
 *
 * <p>Reusing nonces would reveal a real key to anyone holding two signatures; these keys are drawn
 * from the simulation's seed and guard nothing. Every signature is ordinary ECDSA (low s, recovery
 * id the parity of the nonce point's y), so any verifier, the node's sender recovery included,
 * accepts it and recovers the signer. The nonce is picked by the hash, so the same key and hash
 * always give the same signature.
 */
final class CheapSigner {
  private static final int POOL = 16;
  private static final Nonce[] NONCES = nonces();

  private final SigningKey key;
  private final BigInteger secret;

  /** A nonce {@code k}, its inverse mod n, and its point's x (< n) and y parity. */
  private record Nonce(BigInteger kInverse, BigInteger r, int parity) {}

  /** {@code secret32} is the key's 32-byte scalar (as for {@link SigningKey#fromBytes}). */
  CheapSigner(byte[] secret32) {
    this.key = SigningKey.fromBytes(secret32);
    this.secret = new BigInteger(1, secret32);
  }

  SigningKey key() {
    return key;
  }

  EcdsaSignature sign(Hash32 hash) {
    byte[] h = hash.toArray();
    Nonce n = NONCES[(h[31] & 0xff) % POOL];
    BigInteger e = new BigInteger(1, h);
    BigInteger s = n.kInverse().multiply(e.add(secret.multiply(n.r()))).mod(Secp256k1.N);
    if (s.signum() == 0) {
      return Secp256k1.sign(hash, key); // s = 0 is not a signature (probability about 2^-256)
    }
    int recoveryId = n.parity();
    if (s.compareTo(Secp256k1.HALF_N) > 0) {
      s = Secp256k1.N.subtract(s); // -s pairs with the negated nonce point: the parity flips
      recoveryId ^= 1;
    }
    return new EcdsaSignature(recoveryId, n.r(), s);
  }

  private static Nonce[] nonces() {
    Nonce[] out = new Nonce[POOL];
    int found = 0;
    for (int i = 0; found < POOL; i++) {
      byte[] k32 = Keccak.hash(("basalt-sim-cheap-nonce-" + i).getBytes(StandardCharsets.US_ASCII)).toArray();
      BigInteger k = new BigInteger(1, k32);
      if (k.signum() == 0 || k.compareTo(Secp256k1.N) >= 0) {
        continue;
      }
      Bytes point = SigningKey.fromScalar(k).publicKey(); // kG, x ‖ y
      BigInteger r = new BigInteger(1, point.slice(0, 32).toArray());
      if (r.compareTo(Secp256k1.N) >= 0) {
        continue; // would need recovery id 2 or 3, which Ethereum cannot express
      }
      int parity = point.get(63) & 1;
      out[found++] = new Nonce(k.modInverse(Secp256k1.N), r, parity);
    }
    return out;
  }
}
