package dev.basalt.adapters.p2p.tcp;

import dev.basalt.adapters.p2p.host.Connection;
import dev.basalt.adapters.p2p.host.Direction;
import dev.basalt.adapters.p2p.host.IdentifyInfo;
import dev.basalt.adapters.p2p.host.MuxerKind;
import dev.basalt.adapters.p2p.host.Offence;
import dev.basalt.adapters.p2p.host.P2pLimits;
import dev.basalt.adapters.p2p.host.ProtocolHandler;
import dev.basalt.adapters.p2p.host.Stream;
import dev.basalt.adapters.p2p.host.StreamClosedException;
import dev.basalt.adapters.p2p.host.StreamHandler;
import dev.basalt.adapters.p2p.identity.PeerId;
import dev.basalt.adapters.p2p.identity.Secp256k1PublicKey;
import dev.basalt.adapters.p2p.multiaddr.Multiaddr;
import dev.basalt.adapters.p2p.mplex.MplexSession;
import dev.basalt.adapters.p2p.mux.MuxerContext;
import dev.basalt.adapters.p2p.mux.MuxerSession;
import dev.basalt.adapters.p2p.protocols.Ping;
import dev.basalt.adapters.p2p.yamux.YamuxSession;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** A secured, multiplexed connection; also the muxer's view of it. */
final class P2pConnection implements Connection, MuxerContext {
  private static final AtomicInteger IDS = new AtomicInteger();
  /**
   * mplex has no flow control: like go-mplex, stop reading the socket while we hold this much
   * unsent data for the peer (at most half a stream's write buffer, so an echoing handler slows
   * the peer down before its stream is reset), and read again below a quarter of it.
   */
  private static final long MPLEX_PAUSE_READING_MAX_BYTES = 8L << 20;

  private final NettyHost host;
  private final ConnectionHandler channel;
  private final Secp256k1PublicKey remoteKey;
  private final PeerId remotePeer;
  private final Direction direction;
  private final MuxerKind muxer;
  private final MuxerSession session;
  private final String id;
  private final Multiaddr remoteAddress;
  private final Multiaddr localAddress;
  private final CompletableFuture<IdentifyInfo> identified = new CompletableFuture<>();
  private volatile boolean open = true;
  private long writeBufferBytes;

  P2pConnection(NettyHost host, ConnectionHandler channel, Secp256k1PublicKey remoteKey, Direction direction, MuxerKind muxer) {
    this.host = host;
    this.channel = channel;
    this.remoteKey = remoteKey;
    this.remotePeer = remoteKey.peerId();
    this.direction = direction;
    this.muxer = muxer;
    this.id = "c" + IDS.incrementAndGet();
    this.remoteAddress = Multiaddr.tcp(channel.remote());
    this.localAddress = Multiaddr.tcp(channel.local());
    this.session = muxer == MuxerKind.YAMUX ? new YamuxSession(this, direction == Direction.OUTBOUND) : new MplexSession(this);
  }

  MuxerSession session() {
    return session;
  }

  void identifiedAs(IdentifyInfo info) {
    identified.complete(info);
  }

  void identifyFailed(Throwable t) {
    identified.completeExceptionally(t);
  }

  void markClosed() {
    open = false;
    identified.completeExceptionally(new StreamClosedException("connection closed"));
  }

  // ---- Connection ----

  @Override
  public String id() {
    return id;
  }

  @Override
  public PeerId remotePeer() {
    return remotePeer;
  }

  @Override
  public Secp256k1PublicKey remotePublicKey() {
    return remoteKey;
  }

  @Override
  public Multiaddr remoteAddress() {
    return remoteAddress;
  }

  @Override
  public Multiaddr localAddress() {
    return localAddress;
  }

  @Override
  public Direction direction() {
    return direction;
  }

  @Override
  public MuxerKind muxer() {
    return muxer;
  }

  @Override
  public CompletableFuture<Stream> newStream(List<String> protocols, StreamHandler handler) {
    if (protocols.isEmpty()) {
      return CompletableFuture.failedFuture(new IllegalArgumentException("no protocol given"));
    }
    if (!open) {
      return CompletableFuture.failedFuture(new StreamClosedException("connection " + id + " is closed"));
    }
    if (inEventLoop()) {
      return session.openStream(protocols, handler);
    }
    CompletableFuture<Stream> result = new CompletableFuture<>();
    execute(() -> session.openStream(protocols, handler).whenComplete((s, e) -> {
      if (e != null) {
        result.completeExceptionally(e);
      } else {
        result.complete(s);
      }
    }));
    return result;
  }

  @Override
  public int streamCount() {
    return open ? session.streamCount() : 0;
  }

  @Override
  public Optional<IdentifyInfo> identifyInfo() {
    return identified.isDone() && !identified.isCompletedExceptionally() ? Optional.of(identified.join()) : Optional.empty();
  }

  @Override
  public CompletableFuture<IdentifyInfo> identified() {
    return identified.copy();
  }

  @Override
  public CompletableFuture<Duration> ping() {
    return Ping.ping(this, host.config().limits().streamNegotiationTimeoutMillis());
  }

  @Override
  public boolean isOpen() {
    return open;
  }

  @Override
  public void close() {
    execute(() -> channel.close("closed locally"));
  }

  // ---- MuxerContext ----

  @Override
  public void send(byte[] frame) {
    channel.writePlain(frame);
  }

  @Override
  public boolean isWritable() {
    return channel.isWritable();
  }

  @Override
  public boolean inEventLoop() {
    return channel.context().executor().inEventLoop();
  }

  @Override
  public void execute(Runnable task) {
    channel.context().executor().execute(task);
  }

  @Override
  public ScheduledFuture<?> schedule(Runnable task, long delay, TimeUnit unit) {
    return channel.context().executor().schedule(task, delay, unit);
  }

  @Override
  public P2pLimits limits() {
    return host.config().limits();
  }

  @Override
  public boolean reserveWriteBuffer(long bytes) {
    if (writeBufferBytes + bytes > limits().maxConnectionWriteBufferBytes()) {
      return false;
    }
    writeBufferBytes += bytes;
    if (muxer == MuxerKind.MPLEX && writeBufferBytes > mplexPauseBytes()) {
      channel.pauseReading(true);
    }
    return true;
  }

  private long mplexPauseBytes() {
    return Math.min(MPLEX_PAUSE_READING_MAX_BYTES, limits().maxStreamWriteBufferBytes() / 2);
  }

  @Override
  public void releaseWriteBuffer(long bytes) {
    writeBufferBytes -= bytes;
    if (muxer == MuxerKind.MPLEX && writeBufferBytes < mplexPauseBytes() / 4) {
      channel.pauseReading(false);
    }
  }

  @Override
  public Connection connection() {
    return this;
  }

  @Override
  public ProtocolHandler handlerFor(String protocolId) {
    return host.handlerFor(protocolId);
  }

  @Override
  public void misbehaved(Offence offence, String detail, boolean fatal) {
    if (fatal) {
      channel.misbehaved(offence, detail);
    } else {
      host.report(offence, Optional.of(remotePeer), channel.remote(), detail, false);
    }
  }

  @Override
  public void closeConnection(String reason) {
    channel.close(reason);
  }

  @Override
  public String toString() {
    return "Connection[" + id + " " + direction + " " + remotePeer + " " + remoteAddress + " " + muxer + "]";
  }
}
