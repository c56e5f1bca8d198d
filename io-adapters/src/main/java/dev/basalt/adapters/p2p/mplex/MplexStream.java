package dev.basalt.adapters.p2p.mplex;

import dev.basalt.adapters.p2p.host.Direction;
import dev.basalt.adapters.p2p.host.StreamHandler;
import dev.basalt.adapters.p2p.mux.MuxedStream;
import java.util.List;

/** An mplex stream; frames carry the initiator or receiver variant of each flag. */
final class MplexStream extends MuxedStream {
  private final MplexSession session;
  private final long streamId;
  private final boolean initiator;

  MplexStream(MplexSession session, long streamId, Direction direction, List<String> proposals, StreamHandler handler) {
    super(session.ctx(), streamId, direction, proposals, handler);
    this.session = session;
    this.streamId = streamId;
    this.initiator = direction == Direction.OUTBOUND;
  }

  void begin() {
    startNegotiation();
  }

  void onMessage(byte[] data) {
    receive(data);
  }

  void onClose() {
    remoteClose();
  }

  void onReset() {
    remoteReset();
  }

  @Override
  protected int sendCredit() {
    return Integer.MAX_VALUE;
  }

  @Override
  protected int maxChunk() {
    return session.maxChunk();
  }

  @Override
  protected void sendData(byte[] data, int offset, int length) {
    session.sendFrame(streamId, initiator ? MplexSession.MESSAGE_INITIATOR : MplexSession.MESSAGE_RECEIVER, data, offset, length);
  }

  @Override
  protected void sendFin() {
    session.sendFrame(streamId, initiator ? MplexSession.CLOSE_INITIATOR : MplexSession.CLOSE_RECEIVER, new byte[0], 0, 0);
  }

  @Override
  protected void sendReset() {
    session.sendFrame(streamId, initiator ? MplexSession.RESET_INITIATOR : MplexSession.RESET_RECEIVER, new byte[0], 0, 0);
  }

  @Override
  protected void forget() {
    session.forget(streamId, initiator);
  }
}
