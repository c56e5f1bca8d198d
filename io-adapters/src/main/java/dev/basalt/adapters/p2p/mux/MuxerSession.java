package dev.basalt.adapters.p2p.mux;

import dev.basalt.adapters.p2p.host.Stream;
import dev.basalt.adapters.p2p.host.StreamHandler;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** A yamux or mplex session over one secured connection. Event-loop thread only. */
public interface MuxerSession {
  /** Plaintext bytes from the peer, in order, in chunks of any size. */
  void onData(byte[] data);

  /** Opens an outbound stream and negotiates one of {@code protocols} on it. */
  CompletableFuture<Stream> openStream(List<String> protocols, StreamHandler handler);

  /** The socket can take more bytes: resume draining stream write queues. */
  void onWritable();

  /** Says goodbye to the peer if the protocol has a way (yamux go-away). */
  void goAway();

  /** The connection is gone: every stream ends as reset. */
  void closeAll();

  int streamCount();
}
