package dev.basalt.core.command;

import dev.basalt.core.engine.ExecutionPayloadEnvelope;
import dev.basalt.core.types.Hash32;
import java.util.Objects;

/**
 * Publish a block this node sequenced (op-node gossips it right after sealing, before inserting
 * it). {@code signingHash} is what the sequencer key signs (rollup-node-p2p: keccak256 of the zero
 * domain, the L2 chain id and the payload hash); the publishing adapter holds the key and signs, so
 * the secret never reaches the journal. No answer.
 */
public record PublishPayload(ExecutionPayloadEnvelope envelope, Hash32 signingHash) implements Command {
  public PublishPayload {
    Objects.requireNonNull(envelope, "envelope");
    Objects.requireNonNull(signingHash, "signingHash");
  }
}
