package dev.basalt.adapters.p2p.host;

import dev.basalt.adapters.p2p.identity.PeerId;
import dev.basalt.adapters.p2p.multiaddr.Multiaddr;
import java.net.InetSocketAddress;

/**
 * Peer-limit hooks (bans, peer-count tide, IP limits) consulted by the host on top of its own
 * {@link P2pLimits#maxConnections()}. Defaults allow everything. Runs on I/O threads: answer from
 * memory.
 */
public interface ConnectionGater {
  ConnectionGater ALLOW_ALL = new ConnectionGater() {};

  /** Before dialing {@code address} (whose peer ID, if known, is in its {@code /p2p/} part). */
  default boolean allowDial(Multiaddr address) {
    return true;
  }

  /** A TCP connection was accepted from {@code remote}, before any handshake. */
  default boolean allowInbound(InetSocketAddress remote) {
    return true;
  }

  /** The Noise handshake proved {@code peer}; last chance to refuse before the muxer starts. */
  default boolean allowSecured(PeerId peer, Direction direction) {
    return true;
  }
}
