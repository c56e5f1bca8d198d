package dev.basalt.core.tx;

import dev.basalt.core.crypto.Secp256k1;
import dev.basalt.core.types.Address;
import dev.basalt.core.types.Hash32;
import java.math.BigInteger;
import java.util.Optional;

/**
 * Remembers recovered transaction senders, so that derivation reading the same L1 block again
 * (after a pipeline reset, which walks back over a sequencing window) does not repeat the public-key
 * recovery, by far the costliest step of selecting batcher transactions.
 *
 * <p>The key is everything recovery reads (signing hash, y parity, r and s), compared by value,
 * so a hit answers exactly what {@link TxCodec#sender} would: a memo can never change an output. It
 * is direct-mapped and bounded ({@value #SLOTS} entries, a newer key overwrites its slot), holds no
 * transaction data, is never iterated and never written to a snapshot: a restored core starts with
 * an empty one and answers the same.
 */
public final class SenderMemo {
  private static final int SLOTS = 1024;

  private record Key(Hash32 signingHash, int yParity, BigInteger r, BigInteger s) {}

  private final Key[] keys = new Key[SLOTS];
  @SuppressWarnings("unchecked")
  private final Optional<Address>[] senders = new Optional[SLOTS];

  /** As {@link TxCodec#sender}, remembered. */
  public Optional<Address> sender(Transaction tx) {
    TxSignature sig = tx.signature();
    Key key = new Key(TxCodec.signingHash(tx), sig.yParity(), sig.r(), sig.s());
    int slot = (key.signingHash().hashCode() ^ sig.yParity()) & (SLOTS - 1);
    if (key.equals(keys[slot])) {
      return senders[slot];
    }
    Optional<Address> sender = Secp256k1.recoverAddress(key.signingHash(), key.yParity(), key.r(), key.s());
    keys[slot] = key;
    senders[slot] = sender;
    return sender;
  }
}
