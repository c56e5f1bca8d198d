package dev.basalt.adapters.sequencer;

import dev.basalt.core.types.Address;
import dev.basalt.core.types.Bytes;

/** Signs sequenced blocks (rollup-node-p2p {@code BlockSigningHash}). */
public interface BlockSigner {
  /** The address whose signatures the chain's validators accept (the unsafe block signer). */
  Address address();

  /**
   * The 65-byte signature {@code r ++ s ++ v} over {@code message.signingHash()}, {@code v} in
   * {0, 1}; throws when no valid signature can be had.
   */
  Bytes sign(BlockMessage message);

  /**
   * Whether {@link #sign} waits on the network, so the caller signs off the command thread (a
   * local key signs in microseconds; op-signer answers in milliseconds or not at all).
   */
  default boolean remote() {
    return false;
  }
}
