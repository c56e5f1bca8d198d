package dev.basalt.core.rpc;

/** A state-changing {@code admin_*} request, decoded by the RPC adapter. */
public sealed interface AdminRequest {

  /** {@code admin_resetDerivationPipeline}: restart from a sync start against the engine's heads. */
  record ResetDerivationPipeline() implements AdminRequest {}
}
