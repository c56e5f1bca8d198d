package dev.basalt.core.rpc;

import dev.basalt.core.engine.ExecutionPayloadEnvelope;
import java.util.Objects;

/** A state-changing {@code admin_*} request, decoded by the RPC adapter. */
public sealed interface AdminRequest {

  /** {@code admin_resetDerivationPipeline}: restart from a sync start against the engine's heads. */
  record ResetDerivationPipeline() implements AdminRequest {}

  /**
   * {@code admin_postUnsafePayload}: a block to insert on top of the unsafe chain (op-conductor
   * posts the leader's blocks this way; gossip later arrives by the same path). The core checks the
   * block hash against the header it implies before anything reaches the engine.
   */
  record PostUnsafePayload(ExecutionPayloadEnvelope envelope) implements AdminRequest {
    public PostUnsafePayload {
      Objects.requireNonNull(envelope, "envelope");
    }
  }
}
