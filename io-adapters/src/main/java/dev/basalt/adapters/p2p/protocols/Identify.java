package dev.basalt.adapters.p2p.protocols;

import dev.basalt.adapters.p2p.host.Connection;
import dev.basalt.adapters.p2p.host.IdentifyInfo;
import dev.basalt.adapters.p2p.host.ProtocolHandler;
import dev.basalt.adapters.p2p.host.Stream;
import dev.basalt.adapters.p2p.host.StreamClosedException;
import dev.basalt.adapters.p2p.host.StreamHandler;
import dev.basalt.adapters.p2p.identity.Secp256k1PublicKey;
import dev.basalt.adapters.p2p.wire.LengthPrefixedReader;
import dev.basalt.adapters.p2p.wire.WireException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** identify: the server writes our {@link IdentifyInfo} and closes; the client reads the peer's. */
public final class Identify {
  public static final String PROTOCOL = "/ipfs/id/1.0.0";
  public static final String PUSH_PROTOCOL = "/ipfs/id/push/1.0.0";
  public static final int MAX_MESSAGE = 64 * 1024;
  private static final Logger LOG = LoggerFactory.getLogger(Identify.class);

  private Identify() {}

  /** Serves {@link #PROTOCOL}: {@code self} builds our answer for the asking connection. */
  public static ProtocolHandler server(Secp256k1PublicKey ourKey, Function<Connection, IdentifyInfo> self) {
    return stream -> {
      byte[] msg = IdentifyCodec.encode(ourKey, self.apply(stream.connection()));
      stream.write(LengthPrefixedReader.frame(msg));
      stream.closeWrite();
      return (s, data) -> { }; // the asker sends nothing
    };
  }

  /** Serves {@link #PUSH_PROTOCOL}: the peer pushes an updated identify message. */
  public static ProtocolHandler pushServer(Consumer<IdentifyResult> onPush) {
    return stream -> new Collector(stream.connection(), new CompletableFuture<>(), onPush);
  }

  /** Asks the peer on {@code connection}; completes with its answer. */
  public static CompletableFuture<IdentifyInfo> request(Connection connection) {
    CompletableFuture<IdentifyInfo> result = new CompletableFuture<>();
    connection.newStream(List.of(PROTOCOL), new Collector(connection, result, r -> { }))
        .whenComplete((s, e) -> {
          if (e != null) {
            result.completeExceptionally(e);
          }
        });
    return result;
  }

  /** A received identify answer on a connection. */
  public record IdentifyResult(Connection connection, IdentifyInfo info) {}

  private static final class Collector implements StreamHandler {
    private final Connection connection;
    private final CompletableFuture<IdentifyInfo> result;
    private final Consumer<IdentifyResult> sink;
    private final LengthPrefixedReader reader = new LengthPrefixedReader(MAX_MESSAGE);
    private final List<byte[]> messages = new ArrayList<>();
    private int total;

    Collector(Connection connection, CompletableFuture<IdentifyInfo> result, Consumer<IdentifyResult> sink) {
      this.connection = connection;
      this.result = result;
      this.sink = sink;
    }

    @Override
    public void onData(Stream stream, byte[] data) {
      try {
        for (byte[] m : reader.feed(data)) {
          total += m.length;
          if (total > MAX_MESSAGE) {
            throw new WireException("identify answer exceeds " + MAX_MESSAGE + " bytes");
          }
          messages.add(m);
        }
      } catch (WireException e) {
        LOG.debug("identify from {}: {}", connection.remotePeer(), e.getMessage());
        result.completeExceptionally(new StreamClosedException("bad identify answer: " + e.getMessage()));
        stream.reset();
      }
    }

    @Override
    public void onRemoteClosed(Stream stream) {
      stream.closeWrite();
      complete();
    }

    @Override
    public void onClosed(Stream stream, boolean reset) {
      complete();
    }

    private void complete() {
      if (result.isDone()) {
        return;
      }
      if (messages.isEmpty()) {
        result.completeExceptionally(new StreamClosedException("identify stream ended without an answer"));
        return;
      }
      try {
        IdentifyInfo merged = merge();
        result.complete(merged);
        sink.accept(new IdentifyResult(connection, merged));
      } catch (WireException e) {
        result.completeExceptionally(new StreamClosedException("bad identify answer: " + e.getMessage()));
      }
    }

    /** go-libp2p may split a large answer over several messages; later fields extend earlier ones. */
    private IdentifyInfo merge() throws WireException {
      String agent = "";
      String version = "";
      List<String> protocols = new ArrayList<>();
      List<dev.basalt.adapters.p2p.multiaddr.Multiaddr> listen = new ArrayList<>();
      Optional<dev.basalt.adapters.p2p.multiaddr.Multiaddr> observed = Optional.empty();
      byte[] expectedKey = connection.remotePublicKey().toProtobuf();
      for (byte[] m : messages) {
        IdentifyCodec.Decoded d = IdentifyCodec.decode(m);
        if (d.publicKey().isPresent() && !Arrays.equals(d.publicKey().get(), expectedKey)) {
          throw new WireException("identify public key is not the connection's");
        }
        IdentifyInfo i = d.info();
        agent = i.agentVersion().isEmpty() ? agent : i.agentVersion();
        version = i.protocolVersion().isEmpty() ? version : i.protocolVersion();
        protocols.addAll(i.protocols());
        listen.addAll(i.listenAddrs());
        observed = i.observedAddr().isPresent() ? i.observedAddr() : observed;
      }
      return new IdentifyInfo(agent, version, protocols.stream().distinct().toList(), listen, observed);
    }
  }
}
