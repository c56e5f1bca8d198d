package dev.basalt.adapters.p2p.yamux;

import dev.basalt.adapters.p2p.host.Direction;
import dev.basalt.adapters.p2p.host.Offence;
import dev.basalt.adapters.p2p.host.Stream;
import dev.basalt.adapters.p2p.host.StreamClosedException;
import dev.basalt.adapters.p2p.host.StreamHandler;
import dev.basalt.adapters.p2p.mux.MuxerContext;
import dev.basalt.adapters.p2p.mux.MuxerSession;
import dev.basalt.adapters.p2p.wire.ByteQueue;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** One yamux session. The dialer of the connection opens odd stream IDs, the listener even ones. */
public final class YamuxSession implements MuxerSession {
  static final int INITIAL_WINDOW = 256 * 1024;

  private final MuxerContext ctx;
  private final Map<Integer, YamuxStream> streams = new HashMap<>();
  private final ByteQueue in = new ByteQueue();
  private final int windowBytes;
  private final int maxStreams;
  private int nextId;
  private int refusedStreams;
  private boolean closed;

  public YamuxSession(MuxerContext ctx, boolean dialer) {
    this.ctx = ctx;
    this.windowBytes = ctx.limits().yamuxWindowBytes();
    this.maxStreams = ctx.limits().maxStreamsPerConnection();
    this.nextId = dialer ? 1 : 2;
  }

  MuxerContext ctx() {
    return ctx;
  }

  int windowBytes() {
    return windowBytes;
  }

  @Override
  public CompletableFuture<Stream> openStream(List<String> protocols, StreamHandler handler) {
    if (closed) {
      return CompletableFuture.failedFuture(new StreamClosedException("connection closed"));
    }
    if (streams.size() >= maxStreams) {
      return CompletableFuture.failedFuture(new StreamClosedException("stream limit " + maxStreams + " reached"));
    }
    int id = nextId;
    nextId += 2;
    if (nextId < 0) {
      closed = true; // stream IDs exhausted: no more streams on this connection
    }
    YamuxStream s = new YamuxStream(this, id, Direction.OUTBOUND, protocols, handler);
    streams.put(id, s);
    s.announce();
    return s.openFuture();
  }

  @Override
  public void onData(byte[] data) {
    in.append(data);
    while (!closed && in.available() >= YamuxFrame.HEADER) {
      byte[] a = in.array();
      int o = in.readOffset();
      int version = a[o] & 0xFF;
      int type = a[o + 1] & 0xFF;
      int flags = ((a[o + 2] & 0xFF) << 8) | (a[o + 3] & 0xFF);
      int id = YamuxFrame.getInt(a, o + 4);
      long length = Integer.toUnsignedLong(YamuxFrame.getInt(a, o + 8));
      if (version != YamuxFrame.VERSION || type > YamuxFrame.TYPE_GO_AWAY) {
        protocolError(Offence.MALFORMED_FRAME, "bad yamux header: version " + version + " type " + type);
        return;
      }
      if (type == YamuxFrame.TYPE_DATA) {
        if (!dataFrame(flags, id, length)) {
          return; // waiting for the payload, or the session ended
        }
        continue;
      }
      in.skip(YamuxFrame.HEADER);
      switch (type) {
        case YamuxFrame.TYPE_WINDOW_UPDATE -> windowUpdate(flags, id, length);
        case YamuxFrame.TYPE_PING -> ping(flags, id, length);
        default -> {
          closed = true;
          ctx.closeConnection("yamux go-away from peer (code " + length + ")");
        }
      }
    }
  }

  /** Handles a data frame if its payload is complete; false if more bytes are needed or the session died. */
  private boolean dataFrame(int flags, int id, long length) {
    YamuxStream s = (flags & YamuxFrame.FLAG_SYN) != 0 ? null : streams.get(id);
    long allowed = s != null ? s.recvWindow() : windowBytes;
    if (length > allowed) {
      protocolError(Offence.WINDOW_EXCEEDED,
          "yamux data frame of " + length + " bytes on stream " + id + " exceeds the window of " + allowed);
      return false;
    }
    if (in.available() < YamuxFrame.HEADER + length) {
      return false;
    }
    in.skip(YamuxFrame.HEADER);
    byte[] payload = in.take((int) length);
    if ((flags & YamuxFrame.FLAG_SYN) != 0) {
      s = accept(id);
      if (s == null) {
        return !closed;
      }
    }
    if (s == null) {
      return true; // a stream we already forgot (reset): drop its data
    }
    if (payload.length > 0) {
      s.onDataFrame(payload);
    }
    flagsAfterData(s, flags);
    return !closed;
  }

  private void windowUpdate(int flags, int id, long delta) {
    YamuxStream s;
    if ((flags & YamuxFrame.FLAG_SYN) != 0) {
      s = accept(id);
      if (s == null) {
        return;
      }
    } else {
      s = streams.get(id);
      if (s == null) {
        return;
      }
    }
    if (!s.onWindowUpdate(delta)) {
      protocolError(Offence.MALFORMED_FRAME, "yamux window update overflows the window on stream " + id);
      return;
    }
    flagsAfterData(s, flags);
  }

  private void flagsAfterData(YamuxStream s, int flags) {
    if ((flags & YamuxFrame.FLAG_RST) != 0) {
      s.onRst();
    } else if ((flags & YamuxFrame.FLAG_FIN) != 0) {
      s.onFin();
    }
  }

  private void ping(int flags, int id, long opaque) {
    if (id != 0) {
      protocolError(Offence.MALFORMED_FRAME, "yamux ping on stream " + id);
      return;
    }
    // Answer only while the socket keeps up, so a ping flood cannot grow our outbound buffer.
    if ((flags & YamuxFrame.FLAG_SYN) != 0 && ctx.isWritable()) {
      ctx.send(YamuxFrame.header(YamuxFrame.TYPE_PING, YamuxFrame.FLAG_ACK, 0, (int) opaque));
    }
  }

  /** A SYN from the peer: a new inbound stream, or a reset when over the limits. */
  private YamuxStream accept(int id) {
    boolean ours = (id & 1) == (nextId & 1);
    if (id == 0 || ours || streams.containsKey(id)) {
      protocolError(Offence.MALFORMED_FRAME, "yamux SYN for invalid or duplicate stream " + id);
      return null;
    }
    long negotiating = streams.values().stream().filter(x -> x.direction() == Direction.INBOUND && x.isNegotiating()).count();
    if (streams.size() >= maxStreams || negotiating >= ctx.limits().maxPendingInboundStreams()) {
      ctx.send(YamuxFrame.header(YamuxFrame.TYPE_WINDOW_UPDATE, YamuxFrame.FLAG_RST, id, 0));
      boolean fatal = ++refusedStreams > 4 * maxStreams;
      ctx.misbehaved(Offence.TOO_MANY_STREAMS, "yamux stream " + id + " refused: " + streams.size()
          + " open, " + negotiating + " negotiating (limit " + maxStreams + ")", fatal);
      return null;
    }
    YamuxStream s = new YamuxStream(this, id, Direction.INBOUND, List.of(), null);
    streams.put(id, s);
    s.announce();
    return s;
  }

  private void protocolError(Offence offence, String detail) {
    if (closed) {
      return;
    }
    closed = true;
    ctx.send(YamuxFrame.header(YamuxFrame.TYPE_GO_AWAY, 0, 0, YamuxFrame.GO_AWAY_PROTOCOL_ERROR));
    ctx.misbehaved(offence, detail, true);
  }

  void forget(int id) {
    streams.remove(id);
  }

  @Override
  public void onWritable() {
    for (YamuxStream s : new ArrayList<>(streams.values())) {
      s.drain();
      if (!ctx.isWritable()) {
        return;
      }
    }
  }

  @Override
  public void goAway() {
    if (!closed) {
      closed = true;
      ctx.send(YamuxFrame.header(YamuxFrame.TYPE_GO_AWAY, 0, 0, YamuxFrame.GO_AWAY_NORMAL));
    }
  }

  @Override
  public void closeAll() {
    closed = true;
    for (YamuxStream s : new ArrayList<>(streams.values())) {
      s.remoteReset();
    }
    streams.clear();
  }

  @Override
  public int streamCount() {
    return streams.size();
  }
}
