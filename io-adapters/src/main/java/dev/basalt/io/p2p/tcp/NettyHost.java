package dev.basalt.io.p2p.tcp;

import dev.basalt.io.p2p.host.Connection;
import dev.basalt.io.p2p.host.ConnectionListener;
import dev.basalt.io.p2p.host.Host;
import dev.basalt.io.p2p.host.HostConfig;
import dev.basalt.io.p2p.host.ProtocolHandler;
import dev.basalt.io.p2p.host.Stream;
import dev.basalt.io.p2p.host.StreamHandler;
import dev.basalt.io.p2p.identity.PeerId;
import dev.basalt.io.p2p.multiaddr.Multiaddr;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/** Placeholder until the Netty transport lands: the API compiles, every call says it is not there yet. */
public final class NettyHost implements Host {
  private final HostConfig config;

  public NettyHost(HostConfig config) {
    this.config = config;
  }

  private static UnsupportedOperationException notYet() {
    return new UnsupportedOperationException("the TCP transport is not implemented yet");
  }

  @Override public PeerId peerId() { return config.identity().peerId(); }
  @Override public HostConfig config() { return config; }
  @Override public CompletableFuture<Multiaddr> listen(Multiaddr address) { throw notYet(); }
  @Override public List<Multiaddr> listenAddresses() { return List.of(); }
  @Override public CompletableFuture<Connection> dial(Multiaddr address) { throw notYet(); }
  @Override public void setProtocolHandler(String protocolId, ProtocolHandler handler) { throw notYet(); }
  @Override public void removeProtocolHandler(String protocolId) { throw notYet(); }
  @Override public Set<String> protocols() { return Set.of(); }
  @Override public CompletableFuture<Stream> newStream(PeerId peer, List<String> protocols, StreamHandler handler) { throw notYet(); }
  @Override public Collection<Connection> connections() { return List.of(); }
  @Override public List<Connection> connections(PeerId peer) { return List.of(); }
  @Override public boolean isConnected(PeerId peer) { return false; }
  @Override public void disconnect(PeerId peer) {}
  @Override public CompletableFuture<Duration> ping(PeerId peer) { throw notYet(); }
  @Override public void addConnectionListener(ConnectionListener listener) {}
  @Override public void removeConnectionListener(ConnectionListener listener) {}
  @Override public void close() {}
}
