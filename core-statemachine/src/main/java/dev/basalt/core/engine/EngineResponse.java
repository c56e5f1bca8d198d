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
