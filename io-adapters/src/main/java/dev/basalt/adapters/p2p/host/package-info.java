/**
 * The public P2P API that gossip, req/resp and discovery build on: a {@link
 * dev.basalt.adapters.p2p.host.Host} listens and dials, every {@link dev.basalt.adapters.p2p.host.Connection}
 * is authenticated (Noise) and multiplexed (yamux or mplex), and protocols run on {@link
 * dev.basalt.adapters.p2p.host.Stream}s negotiated by protocol ID.
 *
 * <p>Threading: callbacks ({@link dev.basalt.adapters.p2p.host.StreamHandler}, {@link
 * dev.basalt.adapters.p2p.host.ProtocolHandler}, {@link dev.basalt.adapters.p2p.host.ConnectionListener},
 * {@link dev.basalt.adapters.p2p.host.ConnectionGater}, {@link dev.basalt.adapters.p2p.host.PeerPenalty}) run
 * on the connection's I/O thread: they must not block; hand work to another thread instead. All
 * methods of these interfaces may be called from any thread.
 *
 * <p>Invariants: a peer can only make us hold bounded memory ({@link
 * dev.basalt.adapters.p2p.host.P2pLimits}); each misbehaviour is logged, reported to {@link
 * dev.basalt.adapters.p2p.host.PeerPenalty} and answered by refusing the stream or closing the
 * connection, never by an exception escaping to the caller.
 */
package dev.basalt.adapters.p2p.host;
