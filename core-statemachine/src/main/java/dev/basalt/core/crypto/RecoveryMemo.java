package dev.basalt.core.crypto;

import dev.basalt.core.types.Address;
import dev.basalt.core.types.Bytes;
import dev.basalt.core.types.Hash32;
import java.math.BigInteger;
import java.util.Optional;

/**
 * Remembers recovered signers, so that a signature seen again (a batcher transaction re-read after a
 * pipeline reset, a gossip message delivered twice, a journal replayed after a restart) does not
 * repeat the public-key recovery, by far the costliest step of both paths; and remembers the public
 * keys of the signers callers expect, so that a new signature by one of them is checked against
 * its key ({@link KnownSigner}, about a third of a recovery's cost) instead of recovered.
 *
 * <p>The key is everything {@link Secp256k1#recoverAddress(Hash32, int, BigInteger, BigInteger,
 * boolean)} reads (hash, recovery id, r, s and the low-s rule), compared by value, so a hit answers
 * exactly what recovery would: a memo can never change an output, and whether it is fresh, shared
 * or full is invisible to the core's decisions. It is direct-mapped and bounded ({@value #SLOTS}
 * entries, a newer key overwrites its slot), is never iterated and never written to a snapshot.
 * Not thread-safe: one memo belongs to one core's thread (the simulator hands a crashed node's
 * memo to the core it restarts, as the process's cache would survive a fast restart).
 *
 * <p>Known signers: an expected address's public key is learned only from a full recovery that
 * returned that address (so the key's Keccak gives the address), in {@value #SIGNER_SLOTS} entries
 * found by the address's value (a new one replaces the least recently used, so the batcher and the
 * block signer never evict each other); its multiples' table is built the next time the address
 * is expected. A signature that checks out against the key recovers to that
 * very key (see {@link KnownSigner}), so the answer is the expected address, as recovery would
 * give; any other signature is recovered in full, so errors and wrong signers answer as before.
 */
public final class RecoveryMemo {
  /** 16384 slots re-recovered 27% more keys than were distinct in a million simulated events; 65536, 9%. */
  private static final int SLOTS = 65536;
  private static final int SIGNER_SLOTS = 8;

  private record Key(Hash32 hash, int recoveryId, BigInteger r, BigInteger s, boolean requireLowS) {}

  private final Key[] keys = new Key[SLOTS];
  @SuppressWarnings("unchecked")
  private final Optional<Address>[] signers = new Optional[SLOTS];

  private final Address[] knownAddresses = new Address[SIGNER_SLOTS];
  private final Bytes[] knownKeys = new Bytes[SIGNER_SLOTS];
  /** Built on the second use of a learned key (null until then). */
  private final KnownSigner[] knownSigners = new KnownSigner[SIGNER_SLOTS];
  /** When each entry was last used, in calls of {@link #knownSigner} and {@link #learn}. */
  private final long[] knownUsed = new long[SIGNER_SLOTS];
  private long signerClock;

  /** As {@link Secp256k1#recoverAddress(Hash32, int, BigInteger, BigInteger, boolean)}, remembered. */
  public Optional<Address> recoverAddress(Hash32 hash, int recoveryId, BigInteger r, BigInteger s, boolean requireLowS) {
    Key key = new Key(hash, recoveryId, r, s, requireLowS);
    int slot = slot(key);
    if (key.equals(keys[slot])) {
      return signers[slot];
    }
    Optional<Address> signer = Secp256k1.recoverAddress(hash, recoveryId, r, s, requireLowS);
    keys[slot] = key;
    signers[slot] = signer;
    return signer;
  }

  /**
   * As {@link #recoverAddress(Hash32, int, BigInteger, BigInteger, boolean)} (the same answer for
   * every input), for a caller that expects the signer to be {@code expected}: a signature by an
   * expected signer whose key is known is checked against that key instead of recovered.
   */
  public Optional<Address> recoverAddress(
      Hash32 hash, int recoveryId, BigInteger r, BigInteger s, boolean requireLowS, Address expected) {
    Key key = new Key(hash, recoveryId, r, s, requireLowS);
    int slot = slot(key);
    if (key.equals(keys[slot])) {
      return signers[slot];
    }
    Optional<Address> signer;
    KnownSigner known = knownSigner(expected);
    if (known != null && Secp256k1.recoversTo(known, hash, recoveryId, r, s, requireLowS)) {
      signer = Optional.of(expected);
    } else {
      Optional<Bytes> publicKey = Secp256k1.recoverPublicKey(hash, recoveryId, r, s, requireLowS);
      signer = publicKey.map(Secp256k1::addressOf);
      if (signer.isPresent() && signer.get().equals(expected)) {
        learn(expected, publicKey.get());
      }
    }
    keys[slot] = key;
    signers[slot] = signer;
    return signer;
  }

  private static int slot(Key key) {
    return (key.hash().hashCode() ^ key.recoveryId() ^ key.s().hashCode()) & (SLOTS - 1);
  }

  /** The entry of {@code address}, or -1. */
  private int signerSlot(Address address) {
    for (int i = 0; i < SIGNER_SLOTS; i++) {
      if (address.equals(knownAddresses[i])) {
        return i;
      }
    }
    return -1;
  }

  /** The expected signer with its table, when its key was learned (building the table once). */
  private KnownSigner knownSigner(Address expected) {
    int at = signerSlot(expected);
    if (at < 0) {
      return null;
    }
    knownUsed[at] = ++signerClock;
    if (knownSigners[at] == null) {
      knownSigners[at] = new KnownSigner(knownKeys[at]);
    }
    return knownSigners[at];
  }

  /** Remembers that recovery found {@code publicKey} for {@code address} (its Keccak's tail). */
  private void learn(Address address, Bytes publicKey) {
    int at = signerSlot(address);
    if (at >= 0 && publicKey.equals(knownKeys[at])) {
      return;
    }
    if (at < 0) {
      at = 0;
      for (int i = 1; i < SIGNER_SLOTS; i++) {
        if (knownUsed[i] < knownUsed[at]) {
          at = i;
        }
      }
    }
    knownUsed[at] = ++signerClock;
    knownAddresses[at] = address;
    knownKeys[at] = publicKey;
    knownSigners[at] = null;
  }
}
