package dev.basalt.core.engine;

import dev.basalt.core.types.L2BlockRef;
import java.util.Objects;
import java.util.Optional;

/** A successful answer from the execution engine, one variant per kind of request. */
public sealed interface EngineResponse {

  /** Answer to {@code engine_forkchoiceUpdated}. */
  record ForkchoiceUpdated(PayloadStatus status, Optional<PayloadId> payloadId) implements EngineResponse {
    public ForkchoiceUpdated {
      Objects.requireNonNull(status, "status");
      Objects.requireNonNull(payloadId, "payloadId");
    }
  }

  /** Answer to {@code engine_newPayload}. */
  record NewPayloadResult(PayloadStatus status) implements EngineResponse {
    public NewPayloadResult {
      Objects.requireNonNull(status, "status");
    }
  }

  /** Answer to {@code FetchL2Block}: the block, or empty when the engine does not have it. */
  record L2Block(Optional<ExecutionPayloadEnvelope> block) implements EngineResponse {
    public L2Block {
      Objects.requireNonNull(block, "block");
    }
  }

  /** Answer to {@code GetPayload}: the sealed payload. */
  record PayloadBuilt(ExecutionPayloadEnvelope envelope) implements EngineResponse {
    public PayloadBuilt {
      Objects.requireNonNull(envelope, "envelope");
    }
  }

  /**
   * The engine answered with a JSON-RPC error object (e.g. -38002 invalid forkchoice state, -38003
   * invalid payload attributes, -38001 unknown payload). Transport failures are {@code RequestFailed}.
   */
  record RpcError(int code, String message) implements EngineResponse {
    public RpcError {
      Objects.requireNonNull(message, "message");
    }
  }

  /**
   * The engine's own view of its heads ({@code latest}, {@code safe}, {@code finalized} blocks),
   * the starting point of a sync start.
   */
  record Heads(L2BlockRef unsafe, L2BlockRef safe, L2BlockRef finalized) implements EngineResponse {
    public Heads {
      Objects.requireNonNull(unsafe, "unsafe");
      Objects.requireNonNull(safe, "safe");
      Objects.requireNonNull(finalized, "finalized");
    }
  }
}
