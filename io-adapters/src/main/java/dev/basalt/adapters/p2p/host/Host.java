package dev.basalt.adapters.p2p.host;

import dev.basalt.adapters.p2p.identity.PeerId;
import dev.basalt.adapters.p2p.multiaddr.Multiaddr;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * A libp2p host over TCP: Noise security, yamux/mplex muxing, identify and ping built in. Create
 * one with {@link #create(HostConfig)}; close it to drop every connection and stop its threads.
 */
public interface Host extends AutoCloseable {
  /** Builds and starts a host (no listener yet). */
  static Host create(HostConfig config) {
    return new dev.basalt.adapters.p2p.tcp.NettyHost(config);
  }

  PeerId peerId();

  HostConfig config();

  /**
   * Listens on {@code /ip4|ip6/<addr>/tcp/<port>} (port 0 picks one); completes with the bound
   * address (real port).
   */
  CompletableFuture<Multiaddr> listen(Multiaddr address);

  /** Every bound listen address (with real ports). */
  List<Multiaddr> listenAddresses();

  /**
   * Connects to {@code address} ({@code /ip4}, {@code /ip6} or {@code /dns4} address with {@code /tcp}, optionally ending in {@code
   * /p2p/<id>}: the handshake then fails unless the peer proves that ID). Returns an existing
   * connection to that peer if one is open. Fails with {@link StreamClosedException} when refused
   * by limits or the gater, on timeout, or when the handshake fails.
   */
  CompletableFuture<Connection> dial(Multiaddr address);

  /** Serves {@code protocolId} on inbound streams (replaces an earlier handler for it). */
  void setProtocolHandler(String protocolId, ProtocolHandler handler);

  void removeProtocolHandler(String protocolId);

  /** The protocol IDs we serve (announced by identify). */
  Set<String> protocols();

  /**
   * Opens a stream to {@code peer} over an existing connection (see {@link
   * Connection#newStream}); fails if we are not connected.
   */
  CompletableFuture<Stream> newStream(PeerId peer, List<String> protocols, StreamHandler handler);

  /** Open connections (a snapshot). */
  Collection<Connection> connections();

  /** Open connections to {@code peer} (a snapshot; usually zero or one). */
  List<Connection> connections(PeerId peer);

  boolean isConnected(PeerId peer);

  /** Closes every connection to {@code peer}. */
  void disconnect(PeerId peer);

  /** One ping round trip to a connected peer. */
  CompletableFuture<Duration> ping(PeerId peer);

  void addConnectionListener(ConnectionListener listener);

  void removeConnectionListener(ConnectionListener listener);

  /** Closes listeners and connections and stops the I/O threads (waits at most a few seconds). */
  @Override
  void close();
}
