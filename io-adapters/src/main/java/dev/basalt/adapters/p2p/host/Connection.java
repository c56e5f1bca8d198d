package dev.basalt.adapters.p2p.host;

import dev.basalt.adapters.p2p.identity.PeerId;
import dev.basalt.adapters.p2p.identity.Secp256k1PublicKey;
import dev.basalt.adapters.p2p.multiaddr.Multiaddr;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** An authenticated, multiplexed connection to one peer. */
public interface Connection {
  /** A short ID for logs, unique within the host. */
  String id();

  PeerId remotePeer();

  /** The key the peer proved in the Noise handshake ({@code remotePeer()} is derived from it). */
  Secp256k1PublicKey remotePublicKey();

  Multiaddr remoteAddress();

  Multiaddr localAddress();

  Direction direction();

  /** The negotiated muxer. */
  MuxerKind muxer();

  /** The security protocol, always {@code /noise}. */
  default String security() {
    return "/noise";
  }

  /**
   * Opens a stream and negotiates the first protocol of {@code protocols} the peer accepts (in
   * order). Fails with {@link StreamClosedException} if the peer accepts none, the connection
   * closes, the stream limit is reached, or negotiation times out. {@code handler.onOpen} runs
   * before the future completes.
   */
  CompletableFuture<Stream> newStream(List<String> protocols, StreamHandler handler);

  /** Streams currently open on this connection, both directions. */
  int streamCount();

  /** The peer's identify answer, once it arrived (empty before, or if the peer does not serve identify). */
  Optional<IdentifyInfo> identifyInfo();

  /** Completes when identify ran on this connection (with the peer's answer) or failed. */
  CompletableFuture<IdentifyInfo> identified();

  /** One {@code /ipfs/ping/1.0.0} round trip. */
  CompletableFuture<Duration> ping();

  boolean isOpen();

  /** Closes the connection (yamux go-away first); every stream ends with {@code reset = true}. */
  void close();
}
