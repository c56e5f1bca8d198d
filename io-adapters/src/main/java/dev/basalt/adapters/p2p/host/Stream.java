package dev.basalt.adapters.p2p.host;

import dev.basalt.adapters.p2p.identity.PeerId;
import java.util.concurrent.CompletableFuture;

/**
 * One multiplexed stream on a {@link Connection}, after its protocol was negotiated. Incoming data
 * goes to the stream's {@link StreamHandler}; the methods here write and close.
 *
 * <p>Writes are queued in order. The returned future completes when the bytes were handed to the
 * connection (for yamux: once the peer's flow-control window admitted them), and fails with {@link
 * StreamClosedException} if the stream was closed or reset first, or if the stream's queue of
 * unsent bytes would exceed {@link P2pLimits#maxStreamWriteBufferBytes()} (the stream is then
 * reset). Callers that produce faster than the peer reads should wait for the future.
 */
public interface Stream {
  /** The muxer's stream ID (unique per connection and direction). */
  long id();

  /** The negotiated protocol ID. */
  String protocol();

  Connection connection();

  default PeerId remotePeer() {
    return connection().remotePeer();
  }

  Direction direction();

  /** Queues {@code data} (the array is not copied: do not change it afterwards). */
  CompletableFuture<Void> write(byte[] data);

  /** Half-closes: no more writes from us; the peer may still send until it closes too. */
  void closeWrite();

  /** Aborts both directions at once (yamux RST / mplex reset). */
  void reset();

  /** True until the stream was reset, or closed by both sides, or its connection closed. */
  boolean isOpen();
}
