package dev.basalt.core.tx;

import dev.basalt.core.types.Address;
import dev.basalt.core.types.Hash32;
import java.util.Objects;
import java.util.Optional;

/** A decoded transaction of a known type with its hash (keccak256 of the envelope). */
public record SignedTx(Transaction tx, Hash32 hash) implements DecodedTx {
  public SignedTx {
    Objects.requireNonNull(tx, "tx");
    Objects.requireNonNull(hash, "hash");
  }

  @Override
  public int typeByte() {
    return tx.type().typeByte();
  }

  /** The hash the sender signed. */
  public Hash32 signingHash() {
    return TxCodec.signingHash(tx);
  }

  /** The recovered sender, or empty when the signature is invalid (see {@link TxCodec#sender}). */
  public Optional<Address> sender() {
    return TxCodec.sender(tx);
  }
}
