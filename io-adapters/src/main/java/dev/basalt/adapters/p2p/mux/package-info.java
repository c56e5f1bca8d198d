/**
 * What the stream multiplexers share: the contract between a muxer session and its connection
 * ({@link dev.basalt.adapters.p2p.mux.MuxerContext}, {@link dev.basalt.adapters.p2p.mux.MuxerSession}) and the
 * stream life cycle ({@link dev.basalt.adapters.p2p.mux.MuxedStream}: per-stream multistream-select,
 * handler dispatch, a bounded ordered write queue, half-close and reset).
 *
 * <p>Invariants: all state is touched on the connection's event-loop thread only (public methods
 * hop there); a stream's handler sees {@code onOpen} first and {@code onClosed} exactly once; a
 * stream's unsent bytes never exceed {@link dev.basalt.adapters.p2p.host.P2pLimits#maxStreamWriteBufferBytes()}.
 */
package dev.basalt.adapters.p2p.mux;
