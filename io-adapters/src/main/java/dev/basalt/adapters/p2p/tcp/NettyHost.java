package dev.basalt.adapters.p2p.tcp;

import dev.basalt.adapters.p2p.host.Connection;
import dev.basalt.adapters.p2p.host.ConnectionListener;
import dev.basalt.adapters.p2p.host.Direction;
import dev.basalt.adapters.p2p.host.Host;
import dev.basalt.adapters.p2p.host.HostConfig;
import dev.basalt.adapters.p2p.host.IdentifyInfo;
import dev.basalt.adapters.p2p.host.Misbehaviour;
import dev.basalt.adapters.p2p.host.Offence;
import dev.basalt.adapters.p2p.host.ProtocolHandler;
import dev.basalt.adapters.p2p.host.Stream;
import dev.basalt.adapters.p2p.host.StreamClosedException;
import dev.basalt.adapters.p2p.host.StreamHandler;
import dev.basalt.adapters.p2p.identity.PeerId;
import dev.basalt.adapters.p2p.multiaddr.Multiaddr;
import dev.basalt.adapters.p2p.protocols.Identify;
import dev.basalt.adapters.p2p.protocols.Ping;
import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The {@link Host} on Netty NIO: a small fixed event-loop group shared by all connections. */
public final class NettyHost implements Host {
  private static final Logger LOG = LoggerFactory.getLogger(NettyHost.class);

  private final HostConfig config;
  private final EventLoopGroup group;
  private final SecureRandom random = new SecureRandom();
  private final Map<String, ProtocolHandler> handlers = new ConcurrentHashMap<>();
  private final Map<String, P2pConnection> connections = new ConcurrentHashMap<>();
  private final List<ConnectionListener> listeners = new CopyOnWriteArrayList<>();
  private final List<Channel> serverChannels = new CopyOnWriteArrayList<>();
  private final List<Multiaddr> listenAddresses = new CopyOnWriteArrayList<>();
  private final AtomicInteger channels = new AtomicInteger();
  private volatile boolean closed;

  public NettyHost(HostConfig config) {
    this.config = config;
    this.group = new MultiThreadIoEventLoopGroup(config.ioThreads(), new DefaultThreadFactory("basalt-p2p", true), NioIoHandler.newFactory());
    handlers.put(Identify.PROTOCOL, Identify.server(config.identity().publicKey(), this::identifyAnswer));
    handlers.put(Identify.PUSH_PROTOCOL, Identify.pushServer(r -> identifiedBy(r.connection(), r.info())));
    handlers.put(Ping.PROTOCOL, Ping.server());
  }

  @Override
  public PeerId peerId() {
    return config.identity().peerId();
  }

  @Override
  public HostConfig config() {
    return config;
  }

  SecureRandom random() {
    return random;
  }

  @Override
  public CompletableFuture<Multiaddr> listen(Multiaddr address) {
    Optional<InetSocketAddress> socket = address.tcpSocketAddress().filter(a -> !a.isUnresolved());
    if (socket.isEmpty()) {
      return CompletableFuture.failedFuture(new IllegalArgumentException("not an /ip4 or /ip6 TCP address: " + address));
    }
    CompletableFuture<Multiaddr> result = new CompletableFuture<>();
    ServerBootstrap b = new ServerBootstrap()
        .group(group)
        .channel(NioServerSocketChannel.class)
        .option(ChannelOption.SO_REUSEADDR, true)
        .childOption(ChannelOption.TCP_NODELAY, true)
        .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK, new WriteBufferWaterMark(256 * 1024, 1024 * 1024))
        .childHandler(new ChannelInitializer<SocketChannel>() {
          @Override
          protected void initChannel(SocketChannel ch) {
            ch.pipeline().addLast(new ConnectionHandler(NettyHost.this, Direction.INBOUND, null, null));
          }
        });
    b.bind(socket.get()).addListener((ChannelFuture f) -> {
      if (f.isSuccess()) {
        serverChannels.add(f.channel());
        Multiaddr bound = Multiaddr.tcp((InetSocketAddress) f.channel().localAddress());
        listenAddresses.add(bound);
        LOG.info("p2p listening on {}/p2p/{}", bound, peerId());
        result.complete(bound);
      } else {
        result.completeExceptionally(f.cause());
      }
    });
    return result;
  }

  @Override
  public List<Multiaddr> listenAddresses() {
    return List.copyOf(listenAddresses);
  }

  @Override
  public CompletableFuture<Connection> dial(Multiaddr address) {
    Optional<PeerId> expected = address.peerId();
    if (expected.isPresent() && expected.get().equals(peerId())) {
      return CompletableFuture.failedFuture(new StreamClosedException("refusing to dial ourselves"));
    }
    if (expected.isPresent()) {
      List<Connection> existing = connections(expected.get());
      if (!existing.isEmpty()) {
        return CompletableFuture.completedFuture(existing.get(0));
      }
    }
    Optional<InetSocketAddress> socket = address.tcpSocketAddress();
    if (socket.isEmpty()) {
      return CompletableFuture.failedFuture(new IllegalArgumentException("not a TCP multiaddr: " + address));
    }
    if (closed || !config.gater().allowDial(address)) {
      return CompletableFuture.failedFuture(new StreamClosedException("dial to " + address + " refused by the gater"));
    }
    CompletableFuture<Connection> result = new CompletableFuture<>();
    Bootstrap b = new Bootstrap()
        .group(group)
        .channel(NioSocketChannel.class)
        .option(ChannelOption.TCP_NODELAY, true)
        .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.min(Integer.MAX_VALUE, config.limits().handshakeTimeoutMillis()))
        .option(ChannelOption.WRITE_BUFFER_WATER_MARK, new WriteBufferWaterMark(256 * 1024, 1024 * 1024))
        .handler(new ConnectionHandler(this, Direction.OUTBOUND, expected.orElse(null), result));
    b.connect(socket.get()).addListener((ChannelFuture f) -> {
      if (!f.isSuccess()) {
        result.completeExceptionally(new StreamClosedException("connect to " + address + " failed: " + f.cause().getMessage()));
      }
    });
    return result;
  }

  @Override
  public void setProtocolHandler(String protocolId, ProtocolHandler handler) {
    if (!protocolId.startsWith("/")) {
      throw new IllegalArgumentException("protocol IDs start with '/': " + protocolId);
    }
    handlers.put(protocolId, handler);
  }

  @Override
  public void removeProtocolHandler(String protocolId) {
    handlers.remove(protocolId);
  }

  ProtocolHandler handlerFor(String protocolId) {
    return handlers.get(protocolId);
  }

  @Override
  public Set<String> protocols() {
    return new TreeSet<>(handlers.keySet());
  }

  @Override
  public CompletableFuture<Stream> newStream(PeerId peer, List<String> protocols, StreamHandler handler) {
    List<Connection> c = connections(peer);
    if (c.isEmpty()) {
      return CompletableFuture.failedFuture(new StreamClosedException("not connected to " + peer));
    }
    return c.get(0).newStream(protocols, handler);
  }

  @Override
  public Collection<Connection> connections() {
    return List.copyOf(connections.values());
  }

  @Override
  public List<Connection> connections(PeerId peer) {
    List<Connection> out = new ArrayList<>();
    for (P2pConnection c : connections.values()) {
      if (c.remotePeer().equals(peer) && c.isOpen()) {
        out.add(c);
      }
    }
    return out;
  }

  @Override
  public boolean isConnected(PeerId peer) {
    return !connections(peer).isEmpty();
  }

  @Override
  public void disconnect(PeerId peer) {
    connections(peer).forEach(Connection::close);
  }

  @Override
  public CompletableFuture<Duration> ping(PeerId peer) {
    List<Connection> c = connections(peer);
    if (c.isEmpty()) {
      return CompletableFuture.failedFuture(new StreamClosedException("not connected to " + peer));
    }
    return c.get(0).ping();
  }

  @Override
  public void addConnectionListener(ConnectionListener listener) {
    listeners.add(listener);
  }

  @Override
  public void removeConnectionListener(ConnectionListener listener) {
    listeners.remove(listener);
  }

  // ---- called by connections ----

  /** A new TCP channel: counts it against the limit, asks the gater about inbound ones. */
  boolean admitChannel(Direction direction, InetSocketAddress remote) {
    int n = channels.incrementAndGet();
    if (closed || n > config.limits().maxConnections()) {
      LOG.debug("p2p {} connection from/to {} refused: {} connections (limit {})", direction, remote, n - 1, config.limits().maxConnections());
      return false;
    }
    return direction == Direction.OUTBOUND || config.gater().allowInbound(remote);
  }

  void channelGone() {
    channels.decrementAndGet();
  }

  void connectionUp(P2pConnection c) {
    connections.put(c.id(), c);
    LOG.debug("p2p connected {}", c);
    for (ConnectionListener l : listeners) {
      try {
        l.onConnected(c);
      } catch (RuntimeException e) {
        LOG.warn("connection listener failed: {}", e.toString());
      }
    }
    Identify.request(c).whenComplete((info, e) -> {
      if (e != null) {
        LOG.debug("identify of {} failed: {}", c.remotePeer(), e.getMessage());
        c.identifyFailed(e);
      } else {
        identifiedBy(c, info);
      }
    });
  }

  private void identifiedBy(Connection c, IdentifyInfo info) {
    if (c instanceof P2pConnection pc) {
      pc.identifiedAs(info);
    }
    for (ConnectionListener l : listeners) {
      try {
        l.onIdentified(c, info);
      } catch (RuntimeException e) {
        LOG.warn("connection listener failed: {}", e.toString());
      }
    }
  }

  void connectionDown(P2pConnection c) {
    c.markClosed();
    if (connections.remove(c.id()) == null) {
      return;
    }
    LOG.debug("p2p disconnected {}", c);
    for (ConnectionListener l : listeners) {
      try {
        l.onDisconnected(c);
      } catch (RuntimeException e) {
        LOG.warn("connection listener failed: {}", e.toString());
      }
    }
  }

  void report(Offence offence, Optional<PeerId> peer, InetSocketAddress remote, String detail, boolean fatal) {
    LOG.warn("p2p peer {} at {}: {} ({}){}", peer.map(PeerId::toString).orElse("?"), remote, offence, detail,
        fatal ? ", disconnecting" : "");
    try {
      config.penalty().penalize(new Misbehaviour(offence, peer, remote, detail, fatal));
    } catch (RuntimeException e) {
      LOG.warn("peer penalty hook failed: {}", e.toString());
    }
  }

  private IdentifyInfo identifyAnswer(Connection asking) {
    return new IdentifyInfo(config.agentVersion(), config.protocolVersion(), List.copyOf(protocols()),
        listenAddresses(), Optional.of(asking.remoteAddress()));
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    for (Channel ch : serverChannels) {
      ch.close();
    }
    for (P2pConnection c : connections.values()) {
      c.close();
    }
    group.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
  }
}
