package dev.basalt.core.command;

import dev.basalt.core.engine.ExecutionPayloadEnvelope;
import java.util.Objects;

/**
 * Call {@code engine_newPayloadV{version}} (V3+: empty versioned hashes and the envelope's parent
 * beacon root; V4: empty execution requests). Answered by {@code EngineResponse.NewPayloadResult},
 * {@code EngineResponse.RpcError} or {@code RequestFailed}.
 */
public record SendNewPayload(long correlationId, ExecutionPayloadEnvelope envelope, int version)
    implements Command, Request {
  public SendNewPayload {
    Objects.requireNonNull(envelope, "envelope");
    if (version < 2 || version > 4) {
      throw new IllegalArgumentException("newPayload version must be 2..4, got " + version);
    }
  }
}
