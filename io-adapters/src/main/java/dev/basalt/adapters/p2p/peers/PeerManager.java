package dev.basalt.adapters.p2p.peers;

import dev.basalt.adapters.p2p.host.Connection;
import dev.basalt.adapters.p2p.host.ConnectionListener;
import dev.basalt.adapters.p2p.host.Direction;
import dev.basalt.adapters.p2p.host.Host;
import dev.basalt.adapters.p2p.identity.PeerId;
import dev.basalt.adapters.p2p.multiaddr.Multiaddr;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the peer count between the tides (see the package doc) and one connection per peer (a
 * simultaneous open leaves two). Connection events (I/O threads) only record; a tick on the
 * manager's own thread trims, redials and expires.
 */
public final class PeerManager implements ConnectionListener, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(PeerManager.class);
  private static final int MAX_REDIALS = 256;

  private record Tracked(Connection connection, long openedAtMillis) {}

  private record Redial(Multiaddr address, boolean isStatic, int failures, long nextAtMillis, long sinceMillis) {}

  private final Host host;
  private final PeerPolicy policy;
  private final int highTide;
  private final LongSupplier clock;
  private final Supplier<Map<String, Double>> scores;
  private final DialBudget budget;
  private final Map<String, Multiaddr> statics = new TreeMap<>();
  private final Set<String> protectedPeers = ConcurrentHashMap.newKeySet();
  private final Map<String, Tracked> connections = new ConcurrentHashMap<>();
  private final Set<String> droppedByUs = ConcurrentHashMap.newKeySet();
  private final Set<String> dialing = ConcurrentHashMap.newKeySet();
  private final Map<String, Redial> redials = new TreeMap<>();
  private final ScheduledExecutorService thread;
  private long lastTrimMillis = Long.MIN_VALUE / 2;
  private volatile long trimmed;
  private volatile long duplicates;

  /**
   * @param scores the peers' gossip scores (called on the manager's thread; may block briefly)
   */
  public PeerManager(Host host, PeerPolicy policy, int highTide, List<Multiaddr> staticPeers,
      Supplier<Map<String, Double>> scores, LongSupplier clockMillis) {
    this.host = host;
    this.policy = policy;
    this.highTide = highTide;
    this.clock = clockMillis;
    this.scores = scores;
    this.budget = new DialBudget(policy.redialLimit(), policy.redialPeriod().toMillis());
    for (Multiaddr a : staticPeers) {
      a.peerId().ifPresent(id -> statics.put(id.toString(), a));
    }
    this.thread = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "p2p-peers");
      t.setDaemon(true);
      return t;
    });
  }

  /** Listens to the host, dials the static peers and starts the tick. */
  public void start() {
    host.addConnectionListener(this);
    long now = clock.getAsLong();
    synchronized (redials) {
      statics.forEach((id, a) -> redials.put(id, new Redial(a, true, 0, now, now)));
    }
    long tick = policy.tick().toMillis();
    thread.scheduleWithFixedDelay(this::tickSafely, 0, tick, TimeUnit.MILLISECONDS);
  }

  @Override
  public void onConnected(Connection c) {
    connections.put(c.id(), new Tracked(c, clock.getAsLong()));
    synchronized (redials) {
      redials.remove(c.remotePeer().toString());
    }
    if (host.connections(c.remotePeer()).size() > 1) {
      try {
        thread.execute(() -> dedup(c.remotePeer()));
      } catch (java.util.concurrent.RejectedExecutionException closed) {
        // shutting down
      }
    }
  }

  /**
   * Two connections to one peer (both dialed at once): keep one, the same one on both sides. The
   * connection dialed by the peer whose id sorts first survives; among equals the oldest.
   */
  private void dedup(PeerId peer) {
    List<Connection> all = new ArrayList<>(host.connections(peer));
    all.removeIf(c -> droppedByUs.contains(c.id())); // already closing
    if (all.size() < 2) {
      return;
    }
    Direction preferred = host.peerId().toString().compareTo(peer.toString()) < 0 ? Direction.OUTBOUND : Direction.INBOUND;
    all.sort(Comparator.<Connection>comparingInt(c -> c.direction() == preferred ? 0 : 1)
        .thenComparingLong(c -> {
          Tracked t = connections.get(c.id());
          return t == null ? Long.MAX_VALUE : t.openedAtMillis();
        }));
    for (Connection extra : all.subList(1, all.size())) {
      LOG.debug("closing duplicate {} connection to {} (keeping {})", extra.direction(), peer, all.get(0).direction());
      droppedByUs.add(extra.id());
      duplicates++;
      extra.close();
    }
  }

  /** Duplicate connections closed since start. */
  public long duplicatesClosed() {
    return duplicates;
  }

  @Override
  public void onDisconnected(Connection c) {
    connections.remove(c.id());
    boolean ours = droppedByUs.remove(c.id());
    String peer = c.remotePeer().toString();
    if (host.isConnected(c.remotePeer())) {
      return;
    }
    long now = clock.getAsLong();
    Multiaddr staticAddress = statics.get(peer);
    synchronized (redials) {
      if (staticAddress != null) {
        redials.put(peer, new Redial(staticAddress, true, 0, now + policy.backoffMin().toMillis(), now));
      } else if (!ours && c.direction() == Direction.OUTBOUND && redials.size() < MAX_REDIALS) {
        redials.put(peer, new Redial(c.remoteAddress().withPeerId(c.remotePeer()), false, 0,
            now + policy.backoffMin().toMillis(), now));
      }
    }
  }

  /** A discovered peer of our chain: dialed while below the low tide and within its dial budget. */
  public void offer(Multiaddr address) {
    if (host.connections().size() >= policy.lowTide()) {
      return;
    }
    address.peerId().ifPresent(id -> {
      if (!host.isConnected(id)) {
        dial(address, id.toString(), clock.getAsLong());
      }
    });
  }

  /** Closes every connection to {@code peer} and does not redial it (unless static). */
  public void disconnect(PeerId peer) {
    for (Connection c : host.connections(peer)) {
      droppedByUs.add(c.id());
    }
    synchronized (redials) {
      if (!statics.containsKey(peer.toString())) {
        redials.remove(peer.toString());
      }
    }
    host.disconnect(peer);
  }

  /** Never trims {@code peer} (op-node {@code opp2p_protectPeer}). */
  public void protect(PeerId peer) {
    protectedPeers.add(peer.toString());
  }

  /** Undoes {@link #protect}; static peers stay protected. */
  public void unprotect(PeerId peer) {
    protectedPeers.remove(peer.toString());
  }

  public boolean isProtected(String peer) {
    return statics.containsKey(peer) || protectedPeers.contains(peer);
  }

  public boolean isStatic(String peer) {
    return statics.containsKey(peer);
  }

  /** Connections closed by trimming since start. */
  public long trimmed() {
    return trimmed;
  }

  public PeerPolicy policy() {
    return policy;
  }

  private void tickSafely() {
    try {
      long now = clock.getAsLong();
      trim(now);
      redial(now);
    } catch (RuntimeException e) {
      LOG.warn("peer manager tick failed", e);
    }
  }

  /** Above the high tide (at most once per silence period): close the lowest-scored unprotected old connections down to the low tide. */
  private void trim(long now) {
    List<Tracked> open = new ArrayList<>(connections.values());
    if (open.size() <= highTide || now - lastTrimMillis < policy.silence().toMillis()) {
      return;
    }
    lastTrimMillis = now;
    Map<String, Double> score = scores.get();
    long graceMillis = policy.grace().toMillis();
    List<Tracked> candidates = new ArrayList<>();
    for (Tracked t : open) {
      String peer = t.connection().remotePeer().toString();
      if (!isProtected(peer) && now - t.openedAtMillis() >= graceMillis) {
        candidates.add(t);
      }
    }
    candidates.sort(Comparator.<Tracked>comparingDouble(t -> score.getOrDefault(t.connection().remotePeer().toString(), 0.0))
        .thenComparing(Comparator.comparingLong(Tracked::openedAtMillis).reversed()));
    int excess = open.size() - policy.lowTide();
    for (int i = 0; i < excess && i < candidates.size(); i++) {
      Connection c = candidates.get(i).connection();
      LOG.debug("trimming connection to {} ({} open, high tide {}, low tide {})", c.remotePeer(), open.size(), highTide,
          policy.lowTide());
      droppedByUs.add(c.id());
      trimmed++;
      c.close();
    }
  }

  /** Redials what is due: static peers always, others while below the low tide and within budget. */
  private void redial(long now) {
    List<Redial> due = new ArrayList<>();
    synchronized (redials) {
      redials.values().removeIf(r -> !r.isStatic() && now - r.sinceMillis() > policy.redialPeriod().toMillis());
      redials.values().stream().filter(r -> r.nextAtMillis() <= now).forEach(due::add);
    }
    for (Redial r : due) {
      PeerId id = r.address().peerId().orElseThrow();
      if (host.isConnected(id)) {
        continue;
      }
      if (!r.isStatic() && host.connections().size() >= policy.lowTide()) {
        continue;
      }
      long backoff = Math.min(policy.backoffMax().toMillis(), policy.backoffMin().toMillis() << Math.min(20, r.failures() + 1));
      synchronized (redials) {
        redials.computeIfPresent(id.toString(), (k, v) -> new Redial(v.address(), v.isStatic(), v.failures() + 1, now + backoff, v.sinceMillis()));
      }
      if (!dial(r.address(), id.toString(), now) && !r.isStatic()) {
        synchronized (redials) {
          redials.remove(id.toString()); // out of budget or refused: forget it
        }
      }
    }
  }

  /** Starts a dial unless one is under way, the gater refuses or the budget is spent; true when started. */
  private boolean dial(Multiaddr address, String peer, long now) {
    boolean exempt = isProtected(peer);
    String key = address.toString();
    if (!exempt && !budget.allows(key, now)) {
      LOG.debug("not dialing {}: {} dials within {} (--p2p.redial)", address, policy.redialLimit(), policy.redialPeriod());
      return false;
    }
    if (!host.config().gater().allowDial(address) || !dialing.add(peer)) {
      return false;
    }
    budget.dialed(key, now);
    host.dial(address).whenComplete((c, e) -> {
      dialing.remove(peer);
      if (e != null) {
        LOG.debug("dial to {} failed: {}", address, e.toString());
      }
    });
    return true;
  }

  /** The peers we would redial (ids, sorted; tests and RPC). */
  public Set<String> pendingRedials() {
    synchronized (redials) {
      return new TreeSet<>(redials.keySet());
    }
  }

  @Override
  public void close() {
    host.removeConnectionListener(this);
    thread.shutdownNow();
  }
}
