package dev.basalt.core.command;

import dev.basalt.core.engine.ExecutionPayloadEnvelope;
import java.util.Objects;

/**
 * Commit the block this node just sealed to op-conductor ({@code conductor_commitUnsafePayload}),
 * before it is published or inserted: only a block the conductor's replicated log holds may become
 * the unsafe head, so a failover never loses or forks it. Answered by {@code
 * ConductorPayloadCommitted} or {@code RequestFailed}; the adapter retries within the configured
 * timeout (op-node: two attempts 50 ms apart).
 */
public record CommitUnsafePayload(long correlationId, ExecutionPayloadEnvelope envelope) implements Command, Request {
  public CommitUnsafePayload {
    Objects.requireNonNull(envelope, "envelope");
  }
}
