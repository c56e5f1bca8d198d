package dev.basalt.adapters.sequencer;

import dev.basalt.core.engine.ExecutionPayloadEnvelope;
import dev.basalt.core.types.Address;
import dev.basalt.core.types.Bytes;
import dev.basalt.core.types.Hash32;
import java.util.Objects;

/**
 * A sequenced block ready for gossip: the envelope, the signing hash the core computed, and the
 * 65-byte signature of {@code signer} over it.
 */
public record SignedPayload(ExecutionPayloadEnvelope envelope, Hash32 signingHash, Bytes signature, Address signer) {
  public SignedPayload {
    Objects.requireNonNull(envelope, "envelope");
    Objects.requireNonNull(signingHash, "signingHash");
    Objects.requireNonNull(signature, "signature");
    Objects.requireNonNull(signer, "signer");
    if (signature.length() != 65) {
      throw new IllegalArgumentException("a block signature has 65 bytes, got " + signature.length());
    }
  }
}
