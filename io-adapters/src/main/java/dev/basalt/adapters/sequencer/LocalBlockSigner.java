package dev.basalt.adapters.sequencer;

import dev.basalt.core.crypto.SigningKey;
import dev.basalt.core.p2p.BlockSigning;
import dev.basalt.core.types.Address;
import dev.basalt.core.types.Bytes;
import dev.basalt.core.types.Hash32;
import java.util.Objects;

/** A key held in memory ({@code --p2p.sequencer.key[.path]}), as op-node's {@code LocalSigner}. */
public final class LocalBlockSigner implements BlockSigner {
  private final SigningKey key;

  public LocalBlockSigner(SigningKey key) {
    this.key = Objects.requireNonNull(key, "key");
  }

  @Override
  public Address address() {
    return key.address();
  }

  @Override
  public Bytes sign(BlockMessage message) {
    return sign(message.signingHash());
  }

  /** The signature over a signing hash computed elsewhere. */
  public Bytes sign(Hash32 signingHash) {
    return BlockSigning.sign(key, signingHash);
  }

  @Override
  public String toString() {
    return "LocalBlockSigner(" + key.address() + ")";
  }
}
