package dev.basalt.adapters.p2p.gossip;

import dev.basalt.core.p2p.GossipOutcome;
import dev.basalt.core.types.Bytes;
import dev.basalt.adapters.p2p.host.Connection;
import dev.basalt.adapters.p2p.host.ConnectionListener;
import dev.basalt.adapters.p2p.host.Direction;
import dev.basalt.adapters.p2p.host.Host;
import dev.basalt.adapters.p2p.host.Stream;
import dev.basalt.adapters.p2p.host.StreamHandler;
import dev.basalt.adapters.p2p.identity.PeerId;
import dev.basalt.adapters.p2p.multiaddr.Multiaddr;
import dev.basalt.adapters.p2p.wire.LengthPrefixedReader;
import dev.basalt.adapters.p2p.wire.WireException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a {@link GossipRouter} over a libp2p {@link Host}: serves {@code /meshsub/1.1.0} and {@code
 * /meshsub/1.0.0}, opens one outbound stream per connected peer for our RPCs (as go-libp2p-pubsub
 * does), reads the peer's RPCs from its inbound stream, and drives the router and its heartbeat on
 * one scheduler thread. Messages to validate go to the {@link Validator}; verdicts come back through
 * {@link #resolve}.
 */
public final class GossipNetwork implements AutoCloseable {
  public static final String MESHSUB_11 = "/meshsub/1.1.0";
  public static final String MESHSUB_10 = "/meshsub/1.0.0";
  private static final Logger LOG = LoggerFactory.getLogger(GossipNetwork.class);

  /** Receives messages awaiting validation (on the gossip thread; must not block). */
  @FunctionalInterface
  public interface Validator {
    void validate(Bytes messageId, String topic, byte[] data, String from, long receivedAtMillis);
  }

  private final Host host;
  private final GossipParams params;
  private final LongSupplier clock;
  private final ScheduledExecutorService thread;
  private final GossipRouter router;
  private final Map<String, Stream> outbound = new ConcurrentHashMap<>();
  /** RPCs for peers whose outbound stream is still opening (gossip thread only; bounded). */
  private final Map<String, List<byte[]>> waiting = new java.util.HashMap<>();
  /** Peers whose outbound stream is being negotiated (gossip thread only). */
  private final java.util.Set<String> opening = new java.util.HashSet<>();
  private static final int MAX_WAITING_FRAMES = 64;
  private final AtomicLong bytesIn = new AtomicLong();
  private final AtomicLong bytesOut = new AtomicLong();
  private final Validator validator;
  private volatile java.util.function.BiConsumer<String, Double> onGraylisted = (p, s) -> {};

  public GossipNetwork(Host host, GossipParams params, ScoreParams scoring, MessageIds.Variant ids, Set<String> topics,
      Validator validator, LongSupplier clockMillis) {
    this.host = host;
    this.params = params;
    this.clock = clockMillis;
    this.validator = validator;
    this.thread = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "basalt-gossip");
      t.setDaemon(true);
      return t;
    });
    this.router = new GossipRouter(params, scoring, ids, topics, new Output(), System.nanoTime());
  }

  /** Registers the protocols, hooks connections and starts the heartbeat; joins {@code topics}. */
  public void start(List<String> subscribe) {
    host.setProtocolHandler(MESHSUB_11, this::inbound);
    host.setProtocolHandler(MESHSUB_10, this::inbound);
    host.addConnectionListener(new ConnectionListener() {
      @Override
      public void onConnected(Connection c) {
        peerConnected(c);
      }

      @Override
      public void onDisconnected(Connection c) {
        String peer = c.remotePeer().toString();
        if (!host.isConnected(c.remotePeer())) {
          run(() -> {
            outbound.remove(peer);
            waiting.remove(peer);
            router.removePeer(peer, clock.getAsLong());
          });
        } else {
          // a duplicate connection closed: if our stream ran over it, open one on the survivor; what
          // went out on it may be lost, so our subscriptions go out again
          run(() -> {
            Stream s = outbound.get(peer);
            if (s != null && (s.connection() == c || !s.isOpen())) {
              outbound.remove(peer, s);
            }
            ensureStream(c.remotePeer());
            router.resendSubscriptions(peer);
          });
        }
      }
    });
    host.connections().forEach(this::peerConnected);
    run(() -> subscribe.forEach(t -> router.subscribe(t, clock.getAsLong())));
    thread.scheduleAtFixedRate(() -> guarded(() -> router.heartbeat(clock.getAsLong())), params.heartbeatMillis(),
        params.heartbeatMillis(), TimeUnit.MILLISECONDS);
  }

  /** Called with a peer's id and score when it falls below the graylist threshold. */
  public void onGraylisted(java.util.function.BiConsumer<String, Double> listener) {
    this.onGraylisted = listener;
  }

  private void peerConnected(Connection c) {
    String peer = c.remotePeer().toString();
    String ip = c.remoteAddress().tcpSocketAddress().map(a -> a.getAddress().getHostAddress()).orElse("");
    boolean out = c.direction() == Direction.OUTBOUND;
    run(() -> {
      router.addPeer(peer, ip, out, clock.getAsLong());
      ensureStream(c.remotePeer());
    });
  }

  /**
   * On the gossip thread: opens our RPC stream to {@code id} over one of its open connections,
   * unless one is open or opening. A stream whose connection closed while it opened is dropped and
   * another connection tried; what waited for it goes out on the one that is kept.
   */
  private void ensureStream(PeerId id) {
    String peer = id.toString();
    Stream current = outbound.get(peer);
    if (current != null && current.isOpen() || opening.contains(peer)) {
      return;
    }
    Connection c = host.connections(id).stream().filter(Connection::isOpen).findFirst().orElse(null);
    if (c == null) {
      return;
    }
    opening.add(peer);
    c.newStream(List.of(MESHSUB_11, MESHSUB_10), new StreamHandler() {
      @Override
      public void onData(Stream s, byte[] data) {}

      @Override
      public void onClosed(Stream s, boolean reset) {
        outbound.remove(peer, s);
      }
    }).whenComplete((s, e) -> run(() -> {
      opening.remove(peer);
      if (e != null || !s.isOpen()) {
        LOG.debug("no gossipsub stream to {}: {}", peer, e == null ? "closed while opening" : e.toString());
        if (!c.isOpen()) {
          ensureStream(id); // its connection went away: try a remaining one
        }
        return;
      }
      // What the router sent before the stream existed goes out first.
      outbound.put(peer, s);
      List<byte[]> early = waiting.remove(peer);
      if (early != null) {
        early.forEach(frame -> write(s, frame));
      }
    }));
  }

  private StreamHandler inbound(Stream stream) {
    String peer = stream.remotePeer().toString();
    LengthPrefixedReader reader = new LengthPrefixedReader(params.maxMessageBytes());
    return new StreamHandler() {
      @Override
      public void onData(Stream s, byte[] data) {
        bytesIn.addAndGet(data.length);
        List<byte[]> frames;
        try {
          frames = reader.feed(data);
        } catch (WireException e) {
          LOG.debug("bad gossipsub framing from {}: {}", peer, e.getMessage());
          s.reset();
          return;
        }
        for (byte[] frame : frames) {
          try {
            Rpc rpc = RpcCodec.decode(frame);
            run(() -> router.onRpc(peer, rpc, clock.getAsLong()));
          } catch (WireException e) {
            LOG.debug("undecodable gossipsub RPC from {}: {}", peer, e.getMessage());
            run(() -> router.score.behaviourPenalty(peer, 1));
          }
        }
      }
    };
  }

  /** The verdict on a message given to the validator (any thread). */
  public void resolve(Bytes messageId, GossipOutcome outcome) {
    run(() -> router.resolve(messageId, outcome, clock.getAsLong()));
  }

  /** Publishes our own message (any thread); completes with its id. */
  public CompletableFuture<Bytes> publish(String topic, byte[] data) {
    CompletableFuture<Bytes> id = new CompletableFuture<>();
    run(() -> id.complete(router.publish(topic, data, clock.getAsLong())));
    return id;
  }

  /** Runs {@code query} on the gossip thread and returns its answer (for RPC and metrics). */
  public <T> CompletableFuture<T> query(java.util.function.Function<GossipRouter, T> query) {
    CompletableFuture<T> f = new CompletableFuture<>();
    run(() -> f.complete(query.apply(router)));
    return f;
  }

  public GossipStats stats() {
    return router.stats();
  }

  public long bytesIn() {
    return bytesIn.get();
  }

  public long bytesOut() {
    return bytesOut.get();
  }

  public Host host() {
    return host;
  }

  /** Dials {@code address}; gossip starts by itself once connected. */
  public CompletableFuture<Connection> connect(Multiaddr address) {
    return host.dial(address);
  }

  private void write(Stream s, byte[] frame) {
    if (s.isOpen()) {
      bytesOut.addAndGet(frame.length);
      s.write(frame);
    }
  }

  private void run(Runnable r) {
    if (!thread.isShutdown()) {
      thread.execute(() -> guarded(r));
    }
  }

  private static void guarded(Runnable r) {
    try {
      r.run();
    } catch (RuntimeException e) {
      // A router bug must not kill the gossip thread (and with it all gossip); log it loudly.
      LOG.error("gossip router failed", e);
    }
  }

  @Override
  public void close() {
    thread.shutdownNow();
    try {
      thread.awaitTermination(2, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private final class Output implements RouterOutput {
    @Override
    public void send(String peer, Rpc rpc) {
      byte[] frame = LengthPrefixedReader.frame(RpcCodec.encode(rpc));
      if (frame.length > params.maxMessageBytes()) {
        LOG.warn("dropping an RPC of {} bytes to {}: over the limit", frame.length, peer);
        return;
      }
      Stream s = outbound.get(peer);
      if (s != null && !s.isOpen()) {
        outbound.remove(peer, s);
        ensureStream(PeerId.parse(peer)); // the frame waits for the new stream
        s = null;
      }
      if (s == null) {
        List<byte[]> early = waiting.computeIfAbsent(peer, k -> new java.util.ArrayList<>());
        if (early.size() < MAX_WAITING_FRAMES) {
          early.add(frame);
        }
        return;
      }
      write(s, frame);
    }

    @Override
    public void validate(Bytes messageId, String topic, byte[] data, String from, long receivedAtMillis) {
      validator.validate(messageId, topic, data, from, receivedAtMillis);
    }

    @Override
    public void graylisted(String peer, double score) {
      onGraylisted.accept(peer, score);
    }
  }
}
