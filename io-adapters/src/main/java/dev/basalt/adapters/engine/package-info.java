/**
 * The Engine API client: how Basalt drives op-geth / op-reth. JWT HS256 authentication
 * ({@link dev.basalt.adapters.engine.JwtSecret}, {@link dev.basalt.adapters.engine.JwtSigner}),
 * JSON-RPC over HTTP/1.1 ({@link dev.basalt.adapters.engine.JsonRpcClient}), the per-version
 * request shapes and result parsing of {@code engine_forkchoiceUpdatedV1..V3},
 * {@code engine_newPayloadV2..V4} and {@code engine_getPayloadV2..V5}, L2 block reads verified
 * into execution payloads, the startup handshake, and the
 * {@link dev.basalt.adapters.node.EnginePort} that ties them together
 * ({@link dev.basalt.adapters.engine.EngineAdapter}). The server's side of the same JSON lives here
 * too, for fake engines that must speak exactly what the client speaks: call params back into core
 * commands and results out of core responses ({@link dev.basalt.adapters.engine.EngineServerCodec}),
 * L2 blocks in op-geth's {@code eth_getBlockByNumber} shape, and token checks
 * ({@link dev.basalt.adapters.engine.JwtVerifier}).
 *
 * <p>Invariants: every command is answered exactly once, from a client worker thread, never the
 * caller's; nothing is thrown into the ring; every request carries a JWT issued for it; a block
 * read from the engine is only answered after its rebuilt header hashes to the block's hash; the
 * JWT secret is never logged; every server-side reader is the exact inverse of its client-side
 * writer (and the other way round), which the round-trip tests hold it to.
 */
package dev.basalt.adapters.engine;
