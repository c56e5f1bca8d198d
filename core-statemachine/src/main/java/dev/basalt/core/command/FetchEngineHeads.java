package dev.basalt.core.command;

/**
 * Read the engine's latest, safe and finalized blocks; answered by an {@code EngineResponse.Heads}
 * or {@code RequestFailed}.
 *
 * <p>The core no longer emits it: a sync start reads full blocks with {@link FetchL2Block} (by
 * label, then parents by hash), because it needs their L1 origins, sequence numbers and system
 * configs. It stays in the vocabulary (and its journal tag stays reserved) until the engine adapter
 * and the simulated world, developed alongside, stop implementing it.
 */
public record FetchEngineHeads(long correlationId) implements Command, Request {}
