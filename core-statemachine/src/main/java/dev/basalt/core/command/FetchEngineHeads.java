package dev.basalt.core.command;

/**
 * Read the engine's latest, safe and finalized blocks; answered by an {@code EngineResponse.Heads}
 * or {@code RequestFailed}.
 */
public record FetchEngineHeads(long correlationId) implements Command, Request {}
