package dev.basalt.adapters.p2p.yamux;

import dev.basalt.adapters.p2p.host.Direction;
import dev.basalt.adapters.p2p.host.StreamHandler;
import dev.basalt.adapters.p2p.mux.MuxedStream;
import java.util.List;

/** A yamux stream: send and receive windows, SYN/ACK on the first frame, FIN and RST. */
final class YamuxStream extends MuxedStream {
  // One yamux frame fills one Noise frame (65519 bytes of plaintext) exactly.
  private static final int MAX_CHUNK = 65519 - YamuxFrame.HEADER;

  private final YamuxSession session;
  private final int streamId;
  private long sendWindow = YamuxSession.INITIAL_WINDOW;
  private long recvWindow = YamuxSession.INITIAL_WINDOW;
  private long unacknowledged;
  private int pendingFlags;

  YamuxStream(YamuxSession session, int streamId, Direction direction, List<String> proposals, StreamHandler handler) {
    super(session.ctx(), Integer.toUnsignedLong(streamId), direction, proposals, handler);
    this.session = session;
    this.streamId = streamId;
    this.pendingFlags = direction == Direction.OUTBOUND ? YamuxFrame.FLAG_SYN : YamuxFrame.FLAG_ACK;
  }

  /** Opens (SYN) or accepts (ACK) with a window update granting the extra window beyond 256 KiB. */
  void announce() {
    long extra = session.windowBytes() - YamuxSession.INITIAL_WINDOW;
    recvWindow += extra;
    ctx.send(YamuxFrame.header(YamuxFrame.TYPE_WINDOW_UPDATE, takeFlags(), streamId, (int) extra));
    startNegotiation();
  }

  long recvWindow() {
    return recvWindow;
  }

  /** A data frame arrived (its length was already checked against the window). */
  void onDataFrame(byte[] payload) {
    recvWindow -= payload.length;
    receive(payload);
    unacknowledged += payload.length;
    if (isOpen() && unacknowledged >= session.windowBytes() / 2) {
      ctx.send(YamuxFrame.header(YamuxFrame.TYPE_WINDOW_UPDATE, takeFlags(), streamId, (int) unacknowledged));
      recvWindow += unacknowledged;
      unacknowledged = 0;
    }
  }

  /** Returns false if the update would overflow the window (a protocol error). */
  boolean onWindowUpdate(long delta) {
    if (sendWindow + delta > Integer.MAX_VALUE) {
      return false;
    }
    sendWindow += delta;
    if (delta > 0) {
      drain();
    }
    return true;
  }

  void onFin() {
    remoteClose();
  }

  void onRst() {
    remoteReset();
  }

  @Override
  protected int sendCredit() {
    return (int) Math.min(sendWindow, Integer.MAX_VALUE);
  }

  @Override
  protected int maxChunk() {
    return MAX_CHUNK;
  }

  @Override
  protected void sendData(byte[] data, int offset, int length) {
    byte[] frame = new byte[YamuxFrame.HEADER + length];
    YamuxFrame.writeHeader(frame, YamuxFrame.TYPE_DATA, takeFlags(), streamId, length);
    System.arraycopy(data, offset, frame, YamuxFrame.HEADER, length);
    sendWindow -= length;
    ctx.send(frame);
  }

  @Override
  protected void sendFin() {
    ctx.send(YamuxFrame.header(YamuxFrame.TYPE_WINDOW_UPDATE, takeFlags() | YamuxFrame.FLAG_FIN, streamId, 0));
  }

  @Override
  protected void sendReset() {
    ctx.send(YamuxFrame.header(YamuxFrame.TYPE_WINDOW_UPDATE, takeFlags() | YamuxFrame.FLAG_RST, streamId, 0));
  }

  @Override
  protected void forget() {
    session.forget(streamId);
  }

  private int takeFlags() {
    int f = pendingFlags;
    pendingFlags = 0;
    return f;
  }
}
