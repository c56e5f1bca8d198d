package dev.basalt.adapters.p2p.mplex;

import dev.basalt.adapters.p2p.host.Direction;
import dev.basalt.adapters.p2p.host.Offence;
import dev.basalt.adapters.p2p.host.Stream;
import dev.basalt.adapters.p2p.host.StreamClosedException;
import dev.basalt.adapters.p2p.host.StreamHandler;
import dev.basalt.adapters.p2p.mux.MuxerContext;
import dev.basalt.adapters.p2p.mux.MuxerSession;
import dev.basalt.adapters.p2p.wire.ByteQueue;
import dev.basalt.adapters.p2p.wire.Uvarint;
import dev.basalt.adapters.p2p.wire.WireException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** One mplex session. */
public final class MplexSession implements MuxerSession {
  static final int NEW_STREAM = 0;
  static final int MESSAGE_RECEIVER = 1;
  static final int MESSAGE_INITIATOR = 2;
  static final int CLOSE_RECEIVER = 3;
  static final int CLOSE_INITIATOR = 4;
  static final int RESET_RECEIVER = 5;
  static final int RESET_INITIATOR = 6;
  private static final long MAX_STREAM_ID = (1L << 60) - 1;

  private final MuxerContext ctx;
  private final Map<Long, MplexStream> ours = new HashMap<>();
  private final Map<Long, MplexStream> theirs = new HashMap<>();
  private final ByteQueue in = new ByteQueue();
  private final int maxFrame;
  private final int maxStreams;
  private long nextId;
  private int refusedStreams;
  private boolean closed;

  public MplexSession(MuxerContext ctx) {
    this.ctx = ctx;
    this.maxFrame = ctx.limits().maxMplexFrameBytes();
    this.maxStreams = ctx.limits().maxStreamsPerConnection();
  }

  MuxerContext ctx() {
    return ctx;
  }

  int maxChunk() {
    return Math.min(maxFrame, 65519 - 16); // frame + header fit one Noise frame
  }

  @Override
  public CompletableFuture<Stream> openStream(List<String> protocols, StreamHandler handler) {
    if (closed) {
      return CompletableFuture.failedFuture(new StreamClosedException("connection closed"));
    }
    if (streamCount() >= maxStreams) {
      return CompletableFuture.failedFuture(new StreamClosedException("stream limit " + maxStreams + " reached"));
    }
    long id = nextId++;
    MplexStream s = new MplexStream(this, id, Direction.OUTBOUND, protocols, handler);
    ours.put(id, s);
    byte[] name = Long.toString(id).getBytes(StandardCharsets.US_ASCII);
    sendFrame(id, NEW_STREAM, name, 0, name.length);
    s.begin();
    return s.openFuture();
  }

  @Override
  public void onData(byte[] data) {
    in.append(data);
    try {
      while (!closed && in.available() > 0) {
        long header = in.peekUvarint(0);
        if (header == Uvarint.INCOMPLETE) {
          return;
        }
        int hl = in.uvarintLength(0);
        if (in.available() <= hl) {
          return;
        }
        long length = in.peekUvarint(hl);
        if (length == Uvarint.INCOMPLETE) {
          return;
        }
        if (length > maxFrame) {
          fatal(Offence.OVERSIZED_FRAME, "mplex frame of " + length + " bytes (limit " + maxFrame + ")");
          return;
        }
        int ll = in.uvarintLength(hl);
        if (in.available() < hl + ll + length) {
          return;
        }
        in.skip(hl + ll);
        frame(header >>> 3, (int) (header & 7), in.take((int) length));
      }
    } catch (WireException e) {
      fatal(Offence.MALFORMED_FRAME, "mplex: " + e.getMessage());
    }
  }

  private void frame(long id, int flag, byte[] body) {
    if (id > MAX_STREAM_ID) {
      fatal(Offence.MALFORMED_FRAME, "mplex stream ID " + id + " out of range");
      return;
    }
    switch (flag) {
      case NEW_STREAM -> newStream(id);
      case MESSAGE_RECEIVER -> {
        MplexStream s = ours.get(id);
        if (s != null) {
          s.onMessage(body);
        }
      }
      case MESSAGE_INITIATOR -> {
        MplexStream s = theirs.get(id);
        if (s != null) {
          s.onMessage(body);
        }
      }
      case CLOSE_RECEIVER -> with(ours.get(id), true);
      case CLOSE_INITIATOR -> with(theirs.get(id), true);
      case RESET_RECEIVER -> with(ours.get(id), false);
      case RESET_INITIATOR -> with(theirs.get(id), false);
      default -> fatal(Offence.MALFORMED_FRAME, "mplex flag " + flag);
    }
  }

  private void with(MplexStream s, boolean close) {
    if (s == null) {
      return;
    }
    if (close) {
      s.onClose();
    } else {
      s.onReset();
    }
  }

  private void newStream(long id) {
    if (theirs.containsKey(id)) {
      fatal(Offence.MALFORMED_FRAME, "mplex stream " + id + " opened twice");
      return;
    }
    long negotiating = theirs.values().stream().filter(MplexStream::isNegotiating).count();
    if (streamCount() >= maxStreams || negotiating >= ctx.limits().maxPendingInboundStreams()) {
      sendFrame(id, RESET_RECEIVER, new byte[0], 0, 0);
      boolean fatal = ++refusedStreams > 4 * maxStreams;
      ctx.misbehaved(Offence.TOO_MANY_STREAMS, "mplex stream " + id + " refused: " + streamCount()
          + " open, " + negotiating + " negotiating (limit " + maxStreams + ")", fatal);
      return;
    }
    MplexStream s = new MplexStream(this, id, Direction.INBOUND, List.of(), null);
    theirs.put(id, s);
    s.begin();
  }

  void sendFrame(long id, int flag, byte[] data, int offset, int length) {
    byte[] frame = new byte[Uvarint.size((id << 3) | flag) + Uvarint.size(length) + length];
    int p = Uvarint.write(frame, 0, (id << 3) | flag);
    p = Uvarint.write(frame, p, length);
    System.arraycopy(data, offset, frame, p, length);
    ctx.send(frame);
  }

  private void fatal(Offence offence, String detail) {
    if (!closed) {
      closed = true;
      ctx.misbehaved(offence, detail, true);
    }
  }

  void forget(long id, boolean initiatedByUs) {
    (initiatedByUs ? ours : theirs).remove(id);
  }

  @Override
  public void onWritable() {
    List<MplexStream> all = new ArrayList<>(ours.values());
    all.addAll(theirs.values());
    for (MplexStream s : all) {
      s.drain();
      if (!ctx.isWritable()) {
        return;
      }
    }
  }

  @Override
  public void goAway() {
    closed = true;
  }

  @Override
  public void closeAll() {
    closed = true;
    List<MplexStream> all = new ArrayList<>(ours.values());
    all.addAll(theirs.values());
    for (MplexStream s : all) {
      s.remoteReset();
    }
    ours.clear();
    theirs.clear();
  }

  @Override
  public int streamCount() {
    return ours.size() + theirs.size();
  }
}
