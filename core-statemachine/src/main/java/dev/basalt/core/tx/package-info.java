/**
 * L1 transactions and receipts: strict EIP-2718 decoding of legacy (with and without EIP-155),
 * EIP-2930, EIP-1559, EIP-4844 and EIP-7702 transactions ({@link dev.basalt.core.tx.TxCodec}),
 * their hashes, signing hashes, sender recovery and signing; receipt encoding for receipts roots and
 * the logs bloom.
 *
 * <p>Invariants: decoding accepts only canonical bytes, so re-encoding a decoded value gives back
 * the exact input and hashes are stable; malformed input is a {@link
 * dev.basalt.core.codec.DecodeException}, never another exception, and nothing is allocated from a
 * length the input claims before the bytes are known to be there; a typed envelope of a type not
 * read here (future L1 types, OP deposits) is an {@link dev.basalt.core.tx.UnknownTypeTx} value that
 * callers skip; an invalid signature is an empty sender, not an error.
 */
package dev.basalt.core.tx;
