package dev.basalt.adapters.sequencer;

import dev.basalt.core.types.Address;
import dev.basalt.core.types.Bytes;
import dev.basalt.core.types.Hash32;

/** Signs sequenced blocks' signing hashes (rollup-node-p2p {@code BlockSigningHash}). */
public interface BlockSigner {
  /** The address whose signatures the chain's validators accept (the unsafe block signer). */
  Address address();

  /** The 65-byte signature {@code r ++ s ++ v} over {@code signingHash}, {@code v} in {0, 1}. */
  Bytes sign(Hash32 signingHash);
}
