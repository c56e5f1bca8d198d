package dev.basalt.core.crypto;

import dev.basalt.core.types.Address;
import dev.basalt.core.types.Hash32;
import java.math.BigInteger;
import java.util.Optional;

/**
 * Remembers recovered signers, so that a signature seen again (a batcher transaction re-read after a
 * pipeline reset, a gossip message delivered twice, a journal replayed after a restart) does not
 * repeat the public-key recovery, by far the costliest step of both paths.
 *
 * <p>The key is everything {@link Secp256k1#recoverAddress(Hash32, int, BigInteger, BigInteger,
 * boolean)} reads (hash, recovery id, r, s and the low-s rule), compared by value, so a hit answers
 * exactly what recovery would: a memo can never change an output, and whether it is fresh, shared
 * or full is invisible to the core's decisions. It is direct-mapped and bounded ({@value #SLOTS}
 * entries, a newer key overwrites its slot), is never iterated and never written to a snapshot.
 * Not thread-safe: one memo belongs to one core's thread (the simulator hands a crashed node's
 * memo to the core it restarts, as the process's cache would survive a fast restart).
 */
public final class RecoveryMemo {
  private static final int SLOTS = 16384;

  private record Key(Hash32 hash, int recoveryId, BigInteger r, BigInteger s, boolean requireLowS) {}

  private final Key[] keys = new Key[SLOTS];
  @SuppressWarnings("unchecked")
  private final Optional<Address>[] signers = new Optional[SLOTS];

  /** As {@link Secp256k1#recoverAddress(Hash32, int, BigInteger, BigInteger, boolean)}, remembered. */
  public Optional<Address> recoverAddress(Hash32 hash, int recoveryId, BigInteger r, BigInteger s, boolean requireLowS) {
    Key key = new Key(hash, recoveryId, r, s, requireLowS);
    int slot = (hash.hashCode() ^ recoveryId ^ s.hashCode()) & (SLOTS - 1);
    if (key.equals(keys[slot])) {
      return signers[slot];
    }
    Optional<Address> signer = Secp256k1.recoverAddress(hash, recoveryId, r, s, requireLowS);
    keys[slot] = key;
    signers[slot] = signer;
    return signer;
  }
}
