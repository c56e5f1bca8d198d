package dev.basalt.adapters.p2p.reqresp;

import dev.basalt.core.engine.ExecutionPayloadEnvelope;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Where served payloads come from: the L2 execution client's canonical block by number ({@code
 * eth_getBlockByNumber(n, true)}, see {@code EngineReader#payloadByNumber}), or an in-memory chain in
 * tests. Empty when there is no such block; a failed future is an error of the source.
 */
@FunctionalInterface
public interface PayloadSource {
  /** A source that knows no block (every request is answered "not found", as kona does). */
  PayloadSource NONE = number -> CompletableFuture.completedFuture(Optional.empty());

  CompletableFuture<Optional<ExecutionPayloadEnvelope>> payloadByNumber(long number);
}
