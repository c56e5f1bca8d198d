package dev.basalt.adapters.p2p.host;

/**
 * Everything a remote peer could otherwise make us hold or wait for.
 *
 * @param maxConnections connections at once (both directions); more are refused after accept
 * @param maxStreamsPerConnection concurrent streams per connection; a stream beyond it is reset
 * @param handshakeTimeoutMillis TCP connect + security + muxer negotiation, per connection
 * @param streamNegotiationTimeoutMillis multistream-select on a new stream
 * @param yamuxWindowBytes the yamux receive window per stream (the spec's 256 KiB)
 * @param maxMplexFrameBytes the largest mplex frame body accepted or sent (1 MiB in go/js)
 * @param maxStreamWriteBufferBytes unsent bytes queued per stream before it is reset (must hold
 *     the largest message a protocol writes at once: gossip blocks are up to 10 MiB)
 * @param maxConnectionWriteBufferBytes unsent bytes queued over all streams of a connection; the
 *     stream whose write would pass it is reset
 * @param maxPendingInboundStreams streams still negotiating their protocol per connection
 */
public record P2pLimits(
    int maxConnections,
    int maxStreamsPerConnection,
    long handshakeTimeoutMillis,
    long streamNegotiationTimeoutMillis,
    int yamuxWindowBytes,
    int maxMplexFrameBytes,
    long maxStreamWriteBufferBytes,
    long maxConnectionWriteBufferBytes,
    int maxPendingInboundStreams) {
  public static final int YAMUX_INITIAL_WINDOW = 256 * 1024;

  public P2pLimits {
    if (maxConnections < 1 || maxStreamsPerConnection < 1 || maxPendingInboundStreams < 1) {
      throw new IllegalArgumentException("connection and stream limits must be positive");
    }
    if (handshakeTimeoutMillis < 1 || streamNegotiationTimeoutMillis < 1) {
      throw new IllegalArgumentException("timeouts must be positive");
    }
    if (yamuxWindowBytes < YAMUX_INITIAL_WINDOW) {
      throw new IllegalArgumentException("yamux window must be at least 256 KiB (the protocol's initial window)");
    }
    if (maxMplexFrameBytes < 1024 || maxStreamWriteBufferBytes < 1024 || maxConnectionWriteBufferBytes < maxStreamWriteBufferBytes) {
      throw new IllegalArgumentException("frame and buffer limits must be at least 1 KiB, and a connection's write buffer at least a stream's");
    }
  }

  /** op-node-like defaults: 10 s handshake/negotiation (op-node's dial/accept timeouts). */
  public static P2pLimits defaults() {
    return new P2pLimits(128, 256, 10_000, 10_000, YAMUX_INITIAL_WINDOW, 1 << 20, 16L << 20, 64L << 20, 32);
  }

  public P2pLimits withMaxConnections(int n) {
    return new P2pLimits(n, maxStreamsPerConnection, handshakeTimeoutMillis, streamNegotiationTimeoutMillis,
        yamuxWindowBytes, maxMplexFrameBytes, maxStreamWriteBufferBytes, maxConnectionWriteBufferBytes, maxPendingInboundStreams);
  }

  public P2pLimits withMaxStreamsPerConnection(int n) {
    return new P2pLimits(maxConnections, n, handshakeTimeoutMillis, streamNegotiationTimeoutMillis,
        yamuxWindowBytes, maxMplexFrameBytes, maxStreamWriteBufferBytes, maxConnectionWriteBufferBytes, maxPendingInboundStreams);
  }

  public P2pLimits withHandshakeTimeoutMillis(long millis) {
    return new P2pLimits(maxConnections, maxStreamsPerConnection, millis, streamNegotiationTimeoutMillis,
        yamuxWindowBytes, maxMplexFrameBytes, maxStreamWriteBufferBytes, maxConnectionWriteBufferBytes, maxPendingInboundStreams);
  }

  public P2pLimits withStreamNegotiationTimeoutMillis(long millis) {
    return new P2pLimits(maxConnections, maxStreamsPerConnection, handshakeTimeoutMillis, millis,
        yamuxWindowBytes, maxMplexFrameBytes, maxStreamWriteBufferBytes, maxConnectionWriteBufferBytes, maxPendingInboundStreams);
  }

  public P2pLimits withMaxStreamWriteBufferBytes(long bytes) {
    return new P2pLimits(maxConnections, maxStreamsPerConnection, handshakeTimeoutMillis, streamNegotiationTimeoutMillis,
        yamuxWindowBytes, maxMplexFrameBytes, bytes, Math.max(bytes, maxConnectionWriteBufferBytes), maxPendingInboundStreams);
  }

  public P2pLimits withMaxConnectionWriteBufferBytes(long bytes) {
    return new P2pLimits(maxConnections, maxStreamsPerConnection, handshakeTimeoutMillis, streamNegotiationTimeoutMillis,
        yamuxWindowBytes, maxMplexFrameBytes, maxStreamWriteBufferBytes, bytes, maxPendingInboundStreams);
  }
}
