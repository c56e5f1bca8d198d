package dev.basalt.core.tx;

import dev.basalt.core.crypto.RecoveryMemo;
import dev.basalt.core.types.Address;
import java.util.Objects;
import java.util.Optional;

/**
 * Remembers recovered transaction senders, so that derivation reading the same L1 block again
 * (after a pipeline reset, which walks back over a sequencing window) does not repeat the public-key
 * recovery, by far the costliest step of selecting batcher transactions.
 *
 * <p>A transaction's sender is recovered from its signing hash, y parity, r and s with the low-s
 * rule, through a {@link RecoveryMemo} keyed by exactly those values: a hit answers what {@link
 * TxCodec#sender} would, so a memo can never change an output. The memo holds no transaction data,
 * is never iterated and never written to a snapshot: a restored core starts with an empty one (or
 * the one its creator hands it) and answers the same.
 */
public final class SenderMemo {
  private final RecoveryMemo recoveries;

  public SenderMemo() {
    this(new RecoveryMemo());
  }

  /** Senders recovered through {@code recoveries}, which other signature checks may share. */
  public SenderMemo(RecoveryMemo recoveries) {
    this.recoveries = Objects.requireNonNull(recoveries, "recoveries");
  }

  /** As {@link TxCodec#sender}, remembered. */
  public Optional<Address> sender(Transaction tx) {
    TxSignature sig = tx.signature();
    return recoveries.recoverAddress(TxCodec.signingHash(tx), sig.yParity(), sig.r(), sig.s(), true);
  }

  /**
   * As {@link #sender(Transaction)} (the same answer for every transaction), for a caller that
   * expects {@code expected} to be the sender: the signature is then checked against the expected
   * sender's key when the memo knows it, which costs far less than recovering (see {@link
   * RecoveryMemo#recoverAddress(dev.basalt.core.types.Hash32, int, java.math.BigInteger,
   * java.math.BigInteger, boolean, Address)}).
   */
  public Optional<Address> sender(Transaction tx, Address expected) {
    TxSignature sig = tx.signature();
    return recoveries.recoverAddress(TxCodec.signingHash(tx), sig.yParity(), sig.r(), sig.s(), true, expected);
  }
}
