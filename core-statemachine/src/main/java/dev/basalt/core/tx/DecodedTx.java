package dev.basalt.core.tx;

import dev.basalt.core.types.Hash32;

/**
 * What {@link TxCodec#decode} makes of an EIP-2718 envelope: a {@link SignedTx} of a known type, or
 * an {@link UnknownTypeTx} that callers skip. Both carry the transaction hash, keccak256 of the
 * envelope bytes.
 */
public sealed interface DecodedTx permits SignedTx, UnknownTypeTx {
  /** The EIP-2718 type byte; 0 for legacy. */
  int typeByte();

  Hash32 hash();
}
