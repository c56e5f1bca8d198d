package dev.basalt.testdata.world.gossip;

import dev.basalt.core.crypto.Keccak;
import dev.basalt.core.crypto.Secp256k1;
import dev.basalt.core.crypto.SigningKey;
import dev.basalt.core.p2p.BlockSigning;
import dev.basalt.core.types.Bytes;
import dev.basalt.core.types.Hash32;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;

/**
 * Valid, deterministic block signatures ({@code r ++ s ++ v}) for the world's throwaway gossip keys
 * at a fraction of {@link BlockSigning#sign}'s cost: the nonce comes from a small fixed pool whose
 * points were computed once (as the world's L2 user-transaction signer does), so a signature is a
 * few 256-bit multiplications. Reused nonces would leak a real key; these keys guard nothing. Any
 * verifier recovers the signer (low s, recovery id 0 or 1).
 */
public final class GossipSigner {
  private static final int POOL = 8;
  private static final Nonce[] NONCES = nonces();

  private final SigningKey key;
  private final BigInteger secret;

  private record Nonce(BigInteger kInverse, BigInteger r, int parity) {}

  /** {@code secret32}: the key's 32-byte scalar, non-zero and below the curve order. */
  public GossipSigner(byte[] secret32) {
    this.key = SigningKey.fromBytes(secret32);
    this.secret = new BigInteger(1, secret32);
  }

  public SigningKey key() {
    return key;
  }

  /** The 65-byte signature of {@code signingHash}. */
  public Bytes sign(Hash32 signingHash) {
    byte[] h = signingHash.toArray();
    Nonce n = NONCES[(h[31] & 0xff) % POOL];
    BigInteger s = n.kInverse().multiply(new BigInteger(1, h).add(secret.multiply(n.r()))).mod(Secp256k1.N);
    if (s.signum() == 0) {
      return BlockSigning.sign(key, signingHash); // s = 0 is no signature (probability about 2^-256)
    }
    int recoveryId = n.parity();
    if (s.compareTo(Secp256k1.HALF_N) > 0) {
      s = Secp256k1.N.subtract(s); // -s pairs with the negated nonce point: the parity flips
      recoveryId ^= 1;
    }
    byte[] out = new byte[65];
    copy32(n.r(), out, 0);
    copy32(s, out, 32);
    out[64] = (byte) recoveryId;
    return Bytes.wrapOwned(out);
  }

  private static void copy32(BigInteger v, byte[] out, int offset) {
    byte[] be = v.toByteArray();
    int len = Math.min(be.length, 32);
    System.arraycopy(be, be.length - len, out, offset + 32 - len, len);
  }

  private static Nonce[] nonces() {
    Nonce[] out = new Nonce[POOL];
    int found = 0;
    for (int i = 0; found < POOL; i++) {
      BigInteger k = new BigInteger(1, Keccak.hash(("basalt-sim-gossip-nonce-" + i).getBytes(StandardCharsets.US_ASCII)).toArray());
      if (k.signum() == 0 || k.compareTo(Secp256k1.N) >= 0) {
        continue;
      }
      Bytes point = SigningKey.fromScalar(k).publicKey(); // kG as x ++ y
      BigInteger r = new BigInteger(1, point.slice(0, 32).toArray());
      if (r.compareTo(Secp256k1.N) >= 0) {
        continue; // would need recovery id 2 or 3
      }
      out[found++] = new Nonce(k.modInverse(Secp256k1.N), r, point.get(63) & 1);
    }
    return out;
  }
}
