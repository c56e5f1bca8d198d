package dev.basalt.adapters.p2p.discv5;

import dev.basalt.adapters.p2p.enr.Enr;
import dev.basalt.adapters.p2p.enr.NodeId;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the discovery service does with the session layer, on the discovery thread: it fills and
 * keeps the routing table (bootnodes and the peer store at start, periodic random-walk lookups,
 * liveness pings of the least recently checked node, optional random eviction), follows record
 * updates announced by sequence numbers, learns our public IP from PONG votes, saves the peer store
 * and hands every new record of our chain to the listeners. Split from {@link Discv5Service},
 * which owns the socket, the thread and the public API.
 */
final class TableMaintenance implements Discv5Handler.Events {
  /** Logs under the service's name, as before the split, so log configuration keeps working. */
  private static final Logger LOG = LoggerFactory.getLogger(Discv5Service.class);

  private final DiscoveryConfig config;
  private final SecureRandom random;
  private final Timers timers;
  private final RoutingTable table;
  private final ChainFilter filter;
  private final PeerStore peerStore;
  private final List<NodeContact> bootnodes;
  private final List<Consumer<DiscoveredPeer>> listeners;
  private final Supplier<Enr> localEnr;
  private final Consumer<Enr> updateLocalEnr;
  private final BoundedLru<NodeId, DiscoveredPeer> peers = new BoundedLru<>(4096);
  private final BoundedLru<NodeId, InetSocketAddress> endpointVotes = new BoundedLru<>(32);
  private Discv5Handler handler;
  private long lookups;
  private long lastLookupNanos;

  TableMaintenance(DiscoveryConfig config, SecureRandom random, Timers timers, RoutingTable table, PeerStore peerStore,
      List<NodeContact> bootnodes, List<Consumer<DiscoveredPeer>> listeners, Supplier<Enr> localEnr,
      Consumer<Enr> updateLocalEnr) {
    this.config = config;
    this.random = random;
    this.timers = timers;
    this.table = table;
    this.filter = new ChainFilter(config.chainId());
    this.peerStore = peerStore;
    this.bootnodes = bootnodes;
    this.listeners = listeners;
    this.localEnr = localEnr;
    this.updateLocalEnr = updateLocalEnr;
  }

  /** The session layer this maintenance sends through (created once the socket is bound). */
  void useHandler(Discv5Handler sessionLayer) {
    this.handler = sessionLayer;
  }

  /** Peers of our chain found so far (most recently found last). */
  List<DiscoveredPeer> peers() {
    return List.copyOf(peers.values());
  }

  /** Adds a record as if discovered (e.g. a static peer's ENR) and tries to contact it. */
  void addNode(Enr enr) {
    NodeContact.of(enr).ifPresent(c -> {
      handler.rememberRecord(enr);
      recordSeen(enr, false);
      ping(c);
    });
  }

  void bootstrap() {
    if (peerStore != null) {
      List<Enr> stored = peerStore.load();
      for (Enr e : stored) {
        handler.rememberRecord(e);
        recordSeen(e, false);
      }
      LOG.info("discv5: {} records from the peer store", stored.size());
    }
    for (NodeContact b : bootnodes) {
      b.record().ifPresent(e -> {
        handler.rememberRecord(e);
        table.add(b, false, System.nanoTime());
      });
    }
    startLookup(config.nodeKey().nodeId(), null);
    scheduleLookups();
    scheduleRevalidation();
    if (config.randomizeInterval() != null) {
      scheduleRandomEviction();
    }
    if (peerStore != null) {
      schedulePersist();
    }
  }

  private void scheduleLookups() {
    timers.at(System.nanoTime() + config.lookupInterval().toNanos(), () -> {
      startLookup(randomId(), null);
      scheduleLookups();
    });
  }

  private void scheduleRevalidation() {
    timers.at(System.nanoTime() + config.revalidateInterval().toNanos(), () -> {
      table.revalidationCandidate(random).ifPresent(e -> ping(e.contact));
      scheduleRevalidation();
    });
  }

  private void scheduleRandomEviction() {
    timers.at(System.nanoTime() + config.randomizeInterval().toNanos(), () -> {
      table.evictRandom(DiscoveryConfig.RANDOMIZE_KEEP, random)
          .ifPresent(id -> LOG.debug("discv5: evicted random node {} (--p2p.discovery.randomize)", id));
      scheduleRandomEviction();
    });
  }

  private void schedulePersist() {
    timers.at(System.nanoTime() + 60_000_000_000L, () -> {
      persist();
      schedulePersist();
    });
  }

  void persist() {
    if (peerStore == null) {
      return;
    }
    List<Enr> ours = new ArrayList<>();
    List<Enr> others = new ArrayList<>();
    for (RoutingTable.Entry e : table.entries()) {
      (filter.rejection(e.enr()).isEmpty() ? ours : others).add(e.enr());
    }
    for (DiscoveredPeer p : peers.values()) {
      if (!ours.contains(p.enr())) {
        ours.add(p.enr());
      }
    }
    ours.addAll(others);
    peerStore.save(ours);
  }

  NodeId randomId() {
    byte[] b = new byte[32];
    random.nextBytes(b);
    return NodeId.wrap(b);
  }

  void startLookup(NodeId target, CompletableFuture<List<Enr>> result) {
    List<NodeContact> seeds = new ArrayList<>(table.closest(target, RoutingTable.K));
    if (table.size() < RoutingTable.K) {
      seeds.addAll(bootnodes);
    }
    long started = System.nanoTime();
    lookups++;
    Lookup l = new Lookup(config.nodeKey().nodeId(), target, handler, r -> recordSeen(r, false), closest -> {
      lastLookupNanos = System.nanoTime() - started;
      LOG.debug("discv5 lookup {} done in {} ms, table {}", lookups, lastLookupNanos / 1_000_000, table.size());
      if (result != null) {
        List<Enr> out = new ArrayList<>();
        for (NodeContact c : closest) {
          c.record().ifPresent(out::add);
        }
        result.complete(out);
      }
    });
    l.start(seeds);
  }

  private void ping(NodeContact c) {
    handler.request(c, id -> new Message.Ping(id, localEnr.get().seq()), new PendingRequest.Callback() {
      @Override
      public void onSuccess(Message response, List<Enr> nodes) {
        if (response instanceof Message.Pong pong && pong.enrSeq() > c.seq()) {
          requestRecord(c);
        }
      }

      @Override
      public void onFailure(String reason) {
        table.remove(c.id());
      }
    });
  }

  /** FINDNODE [0]: the node's current record (after a PING/PONG announced a newer sequence number). */
  private void requestRecord(NodeContact c) {
    handler.request(c, id -> new Message.FindNode(id, List.of(0)), new PendingRequest.Callback() {
      @Override
      public void onSuccess(Message response, List<Enr> nodes) {
        for (Enr r : nodes) {
          if (r.nodeId().equals(c.id())) {
            handler.rememberRecord(r);
            recordSeen(r, r.udpEndpoint().map(c.address()::equals).orElse(false));
          }
        }
      }

      @Override
      public void onFailure(String reason) {}
    });
  }

  private void recordSeen(Enr enr, boolean live) {
    if (enr.nodeId().equals(config.nodeKey().nodeId())) {
      return;
    }
    NodeContact.of(enr).ifPresent(c -> table.add(c, live, System.nanoTime()));
    filter.accept(enr).ifPresent(peer -> {
      DiscoveredPeer known = peers.get(peer.nodeId());
      if (known != null && known.enr().seq() >= enr.seq()) {
        return;
      }
      peers.put(peer.nodeId(), peer);
      for (Consumer<DiscoveredPeer> l : listeners) {
        Discv5Service.guarded(() -> l.accept(peer));
      }
    });
  }

  // ---------------------------------------------------------------- session-layer events: keep the table fresh,
  // answer sequence-number changes, learn our public endpoint

  @Override
  public void onRecord(Enr enr, boolean live) {
    recordSeen(enr, live);
  }

  @Override
  public void onAlive(Endpoint from) {
    table.get(from.id()).ifPresent(e -> {
      if (e.contact.address().equals(from.address())) {
        table.add(e.contact, true, System.nanoTime());
      }
    });
  }

  @Override
  public void onPing(Endpoint from, Message.Ping ping) {
    // Only for nodes in the table: others sent their record in the handshake or are not kept.
    table.get(from.id()).ifPresent(e -> {
      if (ping.enrSeq() > e.contact.seq()) {
        requestRecord(e.contact);
      }
    });
  }

  @Override
  public void onPong(Endpoint from, Message.Pong pong) {
    if (config.advertiseIp() != null) {
      return;
    }
    InetSocketAddress seen = new InetSocketAddress(pong.recipientIp(), pong.recipientPort());
    endpointVotes.put(from.id(), seen);
    int agree = 0;
    for (InetSocketAddress v : endpointVotes.values()) {
      if (v.getAddress().equals(seen.getAddress())) {
        agree++;
      }
    }
    Enr local = localEnr.get();
    if (agree >= 3 && !local.ip4().or(local::ip6).map(seen.getAddress()::equals).orElse(false)) {
      updateLocalEnr.accept(local.toBuilder().ip(seen.getAddress()).sign(config.nodeKey()));
    }
  }
}
