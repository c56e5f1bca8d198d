package dev.basalt.adapters.p2p.host;

import dev.basalt.adapters.p2p.identity.PeerId;
import java.net.InetSocketAddress;
import java.util.Optional;

/**
 * One transport-level offence by a remote peer.
 *
 * @param peer the peer, once the Noise handshake proved it (empty before that)
 * @param remote the peer's socket address
 * @param fatal whether the connection was closed for it (otherwise only a stream was refused)
 */
public record Misbehaviour(
    Offence offence, Optional<PeerId> peer, InetSocketAddress remote, String detail, boolean fatal) {}
