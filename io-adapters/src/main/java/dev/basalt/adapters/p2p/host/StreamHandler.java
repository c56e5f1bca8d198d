package dev.basalt.adapters.p2p.host;

/**
 * Receives one stream's events, in order, on the connection's I/O thread. Data arrives in chunks
 * as the muxer delivers them (message boundaries are the protocol's business: see {@link
 * dev.basalt.adapters.p2p.wire.LengthPrefixedReader}). Flow-control credit is returned to the peer when
 * {@link #onData} returns, so a handler that queues data elsewhere must bound that queue itself.
 */
public interface StreamHandler {
  /** The stream is negotiated and ready; called before any {@link #onData}. */
  default void onOpen(Stream stream) {}

  /** Bytes from the peer (an array owned by the handler). */
  void onData(Stream stream, byte[] data);

  /**
   * The peer half-closed: no more data will arrive. The stream stays in the connection's table
   * (counting against the stream limit) until we close too: call {@link Stream#closeWrite()} once
   * done writing, or {@link Stream#reset()}.
   */
  default void onRemoteClosed(Stream stream) {}

  /**
   * The stream ended: both sides closed, or it was reset by either side, or the connection went
   * away. Called exactly once. {@code reset} tells whether it ended abnormally.
   */
  default void onClosed(Stream stream, boolean reset) {}
}
