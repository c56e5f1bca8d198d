/**
 * The node's P2P service and Basalt's own libp2p and discv5 stacks (no libp2p for Java is on Maven
 * Central).
 *
 * <p>This package: {@link dev.basalt.adapters.p2p.P2pService}, the libp2p host with block gossip on
 * the chain's four topics, bans, the bridge that turns messages to validate into ring events and the
 * core's verdicts back into router decisions, and publishing of sequenced blocks
 * ({@link dev.basalt.adapters.p2p.GossipPayloadPublisher}); op-node's {@code opp2p_*} RPC methods
 * ({@link dev.basalt.adapters.p2p.P2pMethods}) and the P2P Prometheus series
 * ({@link dev.basalt.adapters.p2p.P2pMetrics}).
 *
 * <p>Sub-packages, one concern each: {@code identity} (keys, peer IDs), {@code multiaddr},
 * {@code host} (the public API the others build on: {@link dev.basalt.adapters.p2p.host.Host},
 * {@link dev.basalt.adapters.p2p.host.Connection}, {@link dev.basalt.adapters.p2p.host.Stream}),
 * {@code wire} (varints, protobuf, length-prefixed messages), {@code multistream}, {@code noise},
 * {@code mux} (the muxer contract), {@code yamux}, {@code mplex}, {@code protocols} (identify, ping),
 * {@code tcp} (the Netty host), {@code gossip} (GossipSub v1.1), {@code enr} and {@code discv5}.
 *
 * <p>Invariants: everything a remote peer can make us hold is bounded (frame sizes, stream counts,
 * flow-control windows, write buffers, handshake time, pending validations); a misbehaving peer is
 * refused or disconnected with a log line and a {@link dev.basalt.adapters.p2p.host.PeerPenalty}
 * report, never a crash; no thread ever spins; the ring is never blocked from a network thread (a
 * full ring sheds the message as IGNORE); bans expire; the service owns the host and closes it.
 */
package dev.basalt.adapters.p2p;
