package dev.basalt.core.command;

import dev.basalt.core.engine.PayloadId;
import java.util.Objects;

/**
 * Call {@code engine_getPayloadV{version}} for a payload being built; answered by
 * {@code EngineResponse.PayloadBuilt}, {@code EngineResponse.RpcError} or {@code RequestFailed}.
 */
public record GetPayload(long correlationId, PayloadId payloadId, int version) implements Command, Request {
  public GetPayload {
    Objects.requireNonNull(payloadId, "payloadId");
    if (version < 2 || version > 5) {
      throw new IllegalArgumentException("getPayload version must be 2..5, got " + version);
    }
  }
}
