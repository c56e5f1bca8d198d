/**
 * Basalt's own libp2p stack (no libp2p for Java is on Maven Central): secp256k1 identities and
 * peer IDs, multiaddrs, and a TCP host that upgrades every connection with multistream-select 1.0,
 * Noise XX and yamux or mplex, then serves identify and ping.
 *
 * <p>Sub-packages, one concern each: {@code identity} (keys, peer IDs), {@code multiaddr},
 * {@code host} (the public API other packages build on: {@link dev.basalt.io.p2p.host.Host},
 * {@link dev.basalt.io.p2p.host.Connection}, {@link dev.basalt.io.p2p.host.Stream}), {@code wire}
 * (varints, protobuf, length-prefixed messages), {@code multistream}, {@code noise}, {@code mux}
 * (the muxer contract), {@code yamux}, {@code mplex}, {@code protocols} (identify, ping) and
 * {@code tcp} (the Netty host).
 *
 * <p>Invariants: everything a remote peer can make us hold is bounded (frame sizes, stream counts,
 * flow-control windows, write buffers, handshake time); a misbehaving peer is refused or
 * disconnected with a log line and a {@link dev.basalt.io.p2p.host.PeerPenalty} report, never a
 * crash; no thread ever spins.
 */
package dev.basalt.io.p2p;
