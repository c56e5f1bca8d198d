package dev.basalt.adapters.p2p.tcp;

import dev.basalt.adapters.p2p.host.Connection;
import dev.basalt.adapters.p2p.host.Direction;
import dev.basalt.adapters.p2p.host.MuxerKind;
import dev.basalt.adapters.p2p.host.Offence;
import dev.basalt.adapters.p2p.host.StreamClosedException;
import dev.basalt.adapters.p2p.identity.PeerId;
import dev.basalt.adapters.p2p.identity.Secp256k1PublicKey;
import dev.basalt.adapters.p2p.multistream.DialerNegotiation;
import dev.basalt.adapters.p2p.multistream.ListenerNegotiation;
import dev.basalt.adapters.p2p.multistream.Negotiation;
import dev.basalt.adapters.p2p.noise.NoiseException;
import dev.basalt.adapters.p2p.noise.NoiseHandshake;
import dev.basalt.adapters.p2p.wire.ByteQueue;
import dev.basalt.adapters.p2p.wire.WireException;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Upgrades one TCP channel — multistream-select {@code /noise}, the Noise XX handshake,
 * multistream-select of the muxer inside the encrypted channel — and then feeds decrypted bytes to
 * the muxer session. Runs on the channel's event loop only.
 */
final class ConnectionHandler extends ChannelInboundHandlerAdapter {
  private static final Logger LOG = LoggerFactory.getLogger(ConnectionHandler.class);
  static final String NOISE = "/noise";

  private enum Phase { SECURITY, HANDSHAKE, MUXER, MUXED, CLOSED }

  private final NettyHost host;
  private final Direction direction;
  private final PeerId expectedPeer;
  private final CompletableFuture<Connection> dialResult;
  private final ByteQueue raw = new ByteQueue();
  private final ByteQueue plain = new ByteQueue();
  private ChannelHandlerContext ctx;
  private Phase phase = Phase.SECURITY;
  private Negotiation negotiation;
  private NoiseHandshake handshake;
  private SecureChannel secure;
  private Secp256k1PublicKey remoteKey;
  private P2pConnection connection;
  private ScheduledFuture<?> deadline;
  private boolean flushScheduled;

  ConnectionHandler(NettyHost host, Direction direction, PeerId expectedPeer, CompletableFuture<Connection> dialResult) {
    this.host = host;
    this.direction = direction;
    this.expectedPeer = expectedPeer;
    this.dialResult = dialResult;
  }

  @Override
  public void channelActive(ChannelHandlerContext ctx) {
    this.ctx = ctx;
    InetSocketAddress remote = remote();
    if (!host.admitChannel(direction, remote)) {
      fail("refused by connection limits or the gater");
      return;
    }
    deadline = ctx.executor().schedule(() -> {
      if (phase != Phase.MUXED && phase != Phase.CLOSED) {
        misbehaved(Offence.TIMEOUT, "connection upgrade did not finish within "
            + host.config().limits().handshakeTimeoutMillis() + " ms (phase " + phase + ")");
      }
    }, host.config().limits().handshakeTimeoutMillis(), TimeUnit.MILLISECONDS);
    negotiation = direction == Direction.OUTBOUND
        ? new DialerNegotiation(List.of(NOISE))
        : new ListenerNegotiation(NOISE::equals);
    writeRaw(negotiation.start());
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    ByteBuf buf = (ByteBuf) msg;
    try {
      if (phase == Phase.CLOSED) {
        return;
      }
      byte[] bytes = new byte[buf.readableBytes()];
      buf.readBytes(bytes);
      raw.append(bytes);
    } finally {
      buf.release();
    }
    try {
      process();
    } catch (WireException e) {
      misbehaved(Offence.MALFORMED_MULTISTREAM, e.getMessage());
    } catch (Negotiation.NoProtocolException e) {
      fail(e.getMessage());
    } catch (NoiseException e) {
      Offence o = e.badSignature() ? Offence.BAD_SIGNATURE
          : phase == Phase.HANDSHAKE ? Offence.HANDSHAKE_FAILED : Offence.DECRYPTION_FAILED;
      misbehaved(o, "noise: " + e.getMessage());
    }
  }

  private void process() throws WireException, Negotiation.NoProtocolException, NoiseException {
    if (phase == Phase.SECURITY) {
      byte[] reply = negotiation.onData(raw);
      writeRaw(reply);
      if (negotiation.selected() == null) {
        return;
      }
      startHandshake();
    }
    if (phase == Phase.HANDSHAKE) {
      handshakeStep();
    }
    if (phase == Phase.MUXER || phase == Phase.MUXED) {
      for (byte[] chunk : secure.decrypt(raw)) {
        if (phase == Phase.MUXED) {
          connection.session().onData(chunk);
        } else if (phase == Phase.MUXER) {
          plain.append(chunk);
          muxerStep();
        }
      }
    }
  }

  private void startHandshake() throws NoiseException {
    phase = Phase.HANDSHAKE;
    handshake = direction == Direction.OUTBOUND
        ? NoiseHandshake.initiator(host.config().identity(), expectedPeer, host.random())
        : NoiseHandshake.responder(host.config().identity(), host.random());
    if (handshake.isMyTurn()) {
      writeRaw(SecureChannel.handshakeFrame(handshake.writeMessage()));
    }
  }

  private void handshakeStep() throws NoiseException, WireException {
    while (phase == Phase.HANDSHAKE && raw.available() >= 2) {
      int len = (raw.peek(0) << 8) | raw.peek(1);
      if (raw.available() < 2 + len) {
        return;
      }
      raw.skip(2);
      handshake.readMessage(raw.take(len));
      if (!handshake.isComplete() && handshake.isMyTurn()) {
        writeRaw(SecureChannel.handshakeFrame(handshake.writeMessage()));
      }
      if (handshake.isComplete()) {
        secured();
      }
    }
  }

  private void secured() throws WireException {
    remoteKey = handshake.remoteIdentity();
    secure = new SecureChannel(handshake.split());
    handshake = null;
    PeerId peer = remoteKey.peerId();
    if (!host.config().gater().allowSecured(peer, direction)) {
      fail("gater refused peer " + peer);
      return;
    }
    phase = Phase.MUXER;
    List<String> muxers = host.config().muxers().stream().map(MuxerKind::protocolId).toList();
    negotiation = direction == Direction.OUTBOUND
        ? new DialerNegotiation(muxers)
        : new ListenerNegotiation(muxers::contains);
    writePlain(negotiation.start());
  }

  private void muxerStep() throws WireException, Negotiation.NoProtocolException {
    byte[] reply = negotiation.onData(plain);
    if (reply.length > 0) {
      writePlain(reply);
    }
    String selected = negotiation.selected();
    if (selected == null) {
      return;
    }
    phase = Phase.MUXED;
    deadline.cancel(false);
    connection = new P2pConnection(host, this, remoteKey, direction, MuxerKind.byProtocolId(selected));
    host.connectionUp(connection);
    if (dialResult != null) {
      dialResult.complete(connection);
    }
    if (plain.available() > 0 && connection.isOpen()) {
      connection.session().onData(plain.takeAll());
    }
  }

  // ---- output ----

  private void writeRaw(byte[] bytes) {
    if (bytes.length > 0 && phase != Phase.CLOSED) {
      ctx.write(Unpooled.wrappedBuffer(bytes));
      scheduleFlush();
    }
  }

  /** Encrypts and queues plaintext (muxer frames); flushed once per event-loop turn. */
  void writePlain(byte[] bytes) {
    if (phase == Phase.CLOSED) {
      return;
    }
    try {
      ctx.write(Unpooled.wrappedBuffer(secure.encrypt(bytes, 0, bytes.length)));
      scheduleFlush();
    } catch (NoiseException e) {
      fail("encryption failed: " + e.getMessage());
    }
  }

  private void scheduleFlush() {
    if (!flushScheduled) {
      flushScheduled = true;
      ctx.executor().execute(() -> {
        flushScheduled = false;
        ctx.flush();
      });
    }
  }

  /** Stops or resumes reading the socket (backpressure for muxers without flow control). */
  void pauseReading(boolean pause) {
    if (ctx.channel().config().isAutoRead() == pause) {
      ctx.channel().config().setAutoRead(!pause);
    }
  }

  boolean isWritable() {
    return ctx.channel().isWritable();
  }

  ChannelHandlerContext context() {
    return ctx;
  }

  InetSocketAddress remote() {
    return (InetSocketAddress) ctx.channel().remoteAddress();
  }

  InetSocketAddress local() {
    return (InetSocketAddress) ctx.channel().localAddress();
  }

  // ---- ending ----

  @Override
  public void channelWritabilityChanged(ChannelHandlerContext ctx) {
    if (ctx.channel().isWritable() && phase == Phase.MUXED) {
      connection.session().onWritable();
    }
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    Phase was = phase;
    phase = Phase.CLOSED;
    if (deadline != null) {
      deadline.cancel(false);
    }
    if (dialResult != null && !dialResult.isDone()) {
      dialResult.completeExceptionally(new StreamClosedException("connection closed during the upgrade (" + was + ")"));
    }
    if (connection != null) {
      connection.session().closeAll();
      host.connectionDown(connection);
    }
    host.channelGone();
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    LOG.debug("p2p channel {}: {}", ctx.channel().remoteAddress(), cause.toString());
    close("I/O error: " + cause.getMessage());
  }

  /** Logs, reports and closes. */
  void misbehaved(Offence offence, String detail) {
    if (phase == Phase.CLOSED) {
      return;
    }
    Optional<PeerId> peer = Optional.ofNullable(remoteKey).map(Secp256k1PublicKey::peerId);
    host.report(offence, peer, remote(), detail, true);
    fail(offence + ": " + detail);
  }

  private void fail(String why) {
    if (dialResult != null && !dialResult.isDone()) {
      dialResult.completeExceptionally(new StreamClosedException(why));
    }
    close(why);
  }

  void close(String why) {
    if (phase == Phase.CLOSED || ctx == null) {
      return;
    }
    LOG.debug("closing p2p channel {} ({})", ctx.channel().remoteAddress(), why);
    if (phase == Phase.MUXED) {
      connection.session().goAway();
      ctx.flush();
    }
    phase = Phase.CLOSED;
    ctx.close();
  }
}
