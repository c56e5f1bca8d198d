package dev.basalt.adapters.p2p.discv5;

import dev.basalt.adapters.p2p.enr.Enode;
import dev.basalt.adapters.p2p.enr.Enr;
import dev.basalt.adapters.p2p.enr.EnrException;
import dev.basalt.adapters.p2p.enr.OpStackEnrData;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The discv5 discovery service: one UDP socket and one thread ({@code basalt-discv5}) that sleeps
 * in {@link Selector#select(long)} until a datagram arrives or the next deadline (request timeout,
 * lookup, liveness check) is due. Everything mutable is confined to that thread; the public methods
 * hand work to it.
 *
 * <p>Use: {@link #start()}, listen with {@link #onPeer(Consumer)} for {@link DiscoveredPeer}s of our
 * chain, read {@link #localEnr()} / {@link #table()} (for {@code opp2p_discoveryTable}), {@link #close()}.
 *
 * <p>This class owns the socket, the thread and the public API; what discovery does on that thread
 * (lookups, liveness checks, the peer store, our chain's peers) is {@link TableMaintenance}, and
 * the discv5 session layer is {@link Discv5Handler}.
 */
public final class Discv5Service implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Discv5Service.class);
  private static final int RECEIVE_BUFFER_BYTES = 2048;
  private static final int MAX_DATAGRAMS_PER_WAKE = 256;

  private final DiscoveryConfig config;
  private final SecureRandom random = new SecureRandom();
  private final Timers timers = new Timers();
  private final DropLog drops = new DropLog();
  private final ConcurrentLinkedQueue<Runnable> tasks = new ConcurrentLinkedQueue<>();
  private final CopyOnWriteArrayList<Consumer<DiscoveredPeer>> listeners = new CopyOnWriteArrayList<>();
  private final List<NodeContact> bootnodes = new ArrayList<>();
  private final RoutingTable table;
  private final TableMaintenance maintenance;
  private volatile Enr localEnr;
  private volatile boolean running;
  private DatagramChannel channel;
  private Selector selector;
  private Thread thread;
  private Discv5Handler handler;
  private InetSocketAddress bound;
  private final java.util.concurrent.atomic.AtomicLong packetsIn = new java.util.concurrent.atomic.AtomicLong();
  private final java.util.concurrent.atomic.AtomicLong packetsOut = new java.util.concurrent.atomic.AtomicLong();

  public Discv5Service(DiscoveryConfig config) {
    this.config = config;
    this.table = new RoutingTable(config.nodeKey().nodeId());
    PeerStore peerStore =
        config.peerStorePath() == null ? null : new PeerStore(config.peerStorePath(), config.maxPeerStoreEntries());
    this.maintenance = new TableMaintenance(config, random, timers, table, peerStore, bootnodes, listeners,
        () -> localEnr, this::updateLocalEnr);
  }

  /** Binds the socket, signs the local record and starts the thread; a bad bootnode string is refused here. */
  public synchronized void start() throws IOException {
    if (running) {
      return;
    }
    for (String b : config.bootnodes()) {
      bootnodes.add(parseBootnode(b));
    }
    channel = DatagramChannel.open();
    channel.configureBlocking(false);
    channel.setOption(java.net.StandardSocketOptions.SO_RCVBUF, 1 << 20);
    channel.bind(new InetSocketAddress(config.listenIp(), config.listenUdpPort()));
    bound = (InetSocketAddress) channel.getLocalAddress();
    selector = Selector.open();
    channel.register(selector, SelectionKey.OP_READ);
    localEnr = buildLocalEnr(1);
    handler = new Discv5Handler(config.nodeKey(), () -> localEnr, table, maintenance, this::sendPacket, timers,
        System::nanoTime, random, drops, config.requestTimeout().toNanos(), config.requestRetries(),
        config.sessionCacheSize());
    maintenance.useHandler(handler);
    running = true;
    thread = new Thread(this::loop, "basalt-discv5");
    thread.setDaemon(true);
    thread.start();
    submit(maintenance::bootstrap);
    LOG.info("discv5 listening on udp {} as {} ({} bootnodes)", bound, localEnr.nodeId().toShortString(), bootnodes.size());
  }

  static NodeContact parseBootnode(String text) {
    try {
      if (text.strip().startsWith(Enode.PREFIX)) {
        return NodeContact.of(Enode.parse(text));
      }
      Enr enr = Enr.fromText(text);
      return NodeContact.of(enr).orElseThrow(() -> new IllegalArgumentException("bootnode record has no UDP endpoint: " + text));
    } catch (EnrException e) {
      throw new IllegalArgumentException("bad bootnode '" + text + "': " + e.getMessage(), e);
    }
  }

  private Enr buildLocalEnr(long seq) {
    InetAddress ip = config.advertiseIp() != null ? config.advertiseIp()
        : config.listenIp().isAnyLocalAddress() ? null : config.listenIp();
    int udp = config.advertiseUdpPort() != 0 ? config.advertiseUdpPort() : bound.getPort();
    Enr.Builder b = Enr.builder().seq(seq).udp(udp).tcp(config.advertiseTcpPort())
        .opstack(new OpStackEnrData(config.chainId(), 0));
    if (ip != null) {
      b.ip(ip);
    }
    return b.sign(config.nodeKey());
  }

  // ---------------------------------------------------------------- public API

  public Enr localEnr() {
    return localEnr;
  }

  public InetSocketAddress boundAddress() {
    return bound;
  }

  /** Called on the discovery thread for every new (or re-signed) record of a peer of our chain; must not block. */
  public void onPeer(Consumer<DiscoveredPeer> listener) {
    listeners.add(listener);
  }

  /** Records in the routing table (all chains: the DHT is shared), for {@code opp2p_discoveryTable}. */
  public List<Enr> table() {
    return call(() -> {
      List<Enr> out = new ArrayList<>();
      for (RoutingTable.Entry e : table.entries()) {
        out.add(e.enr());
      }
      return out;
    }, List.of());
  }

  /** Peers of our chain found so far (most recently found last). */
  public List<DiscoveredPeer> peers() {
    return call(maintenance::peers, List.of());
  }

  /** Adds a record as if discovered (e.g. a static peer's ENR) and tries to contact it. */
  public void addNode(Enr enr) {
    submit(() -> maintenance.addNode(enr));
  }

  /** Runs one random-walk lookup now; completes with the closest nodes found. */
  public CompletableFuture<List<Enr>> lookupRandom() {
    CompletableFuture<List<Enr>> f = new CompletableFuture<>();
    submit(() -> maintenance.startLookup(maintenance.randomId(), f));
    return f;
  }


  /** Re-signs the local record with a new TCP port (e.g. once libp2p has bound); bumps the sequence number. */
  public void setTcpPort(int port) {
    submit(() -> updateLocalEnr(localEnr.toBuilder().tcp(port).sign(config.nodeKey())));
  }

  /** Counters of refused input by reason (garbage, bad handshakes, oversized NODES, ...). */
  public Map<String, Long> dropCounts() {
    return drops.snapshot();
  }

  /** Datagrams received and sent since start. */
  public long[] packetCounts() {
    return new long[] {packetsIn.get(), packetsOut.get()};
  }

  /** Sessions, requests in flight, challenges and table size, for tests and metrics. */
  public Map<String, Integer> sizes() {
    return call(() -> Map.of("sessions", handler.sessionCount(), "pending", handler.pendingCount(),
        "challenges", handler.challengeCount(), "table", table.size(), "timers", timers.size()), Map.of());
  }

  @Override
  public synchronized void close() {
    if (!running) {
      return;
    }
    CompletableFuture<Void> saved = new CompletableFuture<>();
    submit(() -> {
      maintenance.persist();
      saved.complete(null);
    });
    try {
      saved.get(2, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | TimeoutException e) {
      LOG.warn("discv5: peer store not saved at stop: {}", e.toString());
    }
    running = false;
    selector.wakeup();
    try {
      thread.join(2000);
      selector.close();
      channel.close();
    } catch (IOException e) {
      LOG.debug("discv5 close: {}", e.toString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    LOG.info("discv5 stopped");
  }

  // ---------------------------------------------------------------- the thread

  private void submit(Runnable task) {
    tasks.add(task);
    Selector s = selector;
    if (s != null) {
      s.wakeup();
    }
  }

  private <T> T call(Supplier<T> body, T ifStopped) {
    if (!running) {
      return ifStopped;
    }
    CompletableFuture<T> f = new CompletableFuture<>();
    submit(() -> f.complete(body.get()));
    try {
      return f.get(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return ifStopped;
    } catch (ExecutionException | TimeoutException e) {
      return ifStopped;
    }
  }

  private void loop() {
    ByteBuffer buf = ByteBuffer.allocate(RECEIVE_BUFFER_BYTES);
    byte[] data = new byte[RECEIVE_BUFFER_BYTES];
    while (running) {
      try {
        long wait = timers.nanosUntilNext(System.nanoTime());
        if (!tasks.isEmpty() || wait == 0) {
          selector.selectNow();
        } else {
          selector.select(wait < 0 ? 0 : Math.max(1, TimeUnit.NANOSECONDS.toMillis(wait + 999_999)));
        }
        selector.selectedKeys().clear();
        for (int i = 0; i < MAX_DATAGRAMS_PER_WAKE; i++) {
          buf.clear();
          InetSocketAddress from = (InetSocketAddress) channel.receive(buf);
          if (from == null) {
            break;
          }
          buf.flip();
          packetsIn.incrementAndGet();
          int n = buf.remaining();
          buf.get(data, 0, n);
          guarded(() -> handler.onDatagram(data, n, from));
        }
        for (Runnable t; (t = tasks.poll()) != null; ) {
          guarded(t);
        }
        guarded(() -> timers.runDue(System.nanoTime()));
      } catch (IOException e) {
        if (running) {
          LOG.warn("discv5 socket error: {}", e.toString());
        }
      }
    }
  }

  /** A packet or task that throws is logged and dropped; the discovery thread goes on. */
  static void guarded(Runnable r) {
    try {
      r.run();
    } catch (RuntimeException e) {
      LOG.error("discv5: unexpected error, packet or task dropped", e);
    }
  }

  private void sendPacket(InetSocketAddress to, byte[] packet) {
    packetsOut.incrementAndGet();
    try {
      if (channel.send(ByteBuffer.wrap(packet), to) == 0) {
        drops.drop("outgoing packet (socket buffer full)", to, "");
      }
    } catch (IOException | RuntimeException e) {
      drops.drop("outgoing packet (send failed)", to, e.toString());
    }
  }

  private void updateLocalEnr(Enr next) {
    localEnr = next;
    LOG.info("discv5: local record now seq {}: {}", next.seq(), next.toText());
  }
}
