package dev.basalt.adapters.p2p.peers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.basalt.adapters.p2p.host.Host;
import dev.basalt.adapters.p2p.host.HostConfig;
import dev.basalt.adapters.p2p.identity.IdentityKey;
import dev.basalt.adapters.p2p.identity.PeerId;
import dev.basalt.adapters.p2p.multiaddr.Multiaddr;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The connection manager on loopback hosts with fast timers. */
class PeerManagerTest {
  private static final Multiaddr LOOPBACK = Multiaddr.parse("/ip4/127.0.0.1/tcp/0");
  private static final PeerPolicy FAST = PeerPolicy.DEFAULTS.withTides(2, Duration.ofMillis(1500))
      .withTimers(Duration.ZERO, Duration.ofMillis(100), Duration.ofMillis(400), Duration.ofMillis(50));

  private final List<AutoCloseable> open = new ArrayList<>();
  private final Map<String, Double> scores = new ConcurrentHashMap<>();
  /** The trimming tests' clock: connections count as young until the test moves it past the grace period. */
  private final java.util.concurrent.atomic.AtomicLong now = new java.util.concurrent.atomic.AtomicLong(1_000_000);

  @AfterEach
  void closeAll() throws Exception {
    for (int i = open.size() - 1; i >= 0; i--) {
      open.get(i).close();
    }
  }

  private Host host() {
    Host h = Host.create(HostConfig.defaults(IdentityKey.generate(new SecureRandom())).withIoThreads(1));
    open.add(h);
    return h;
  }

  private Multiaddr listen(Host h) throws Exception {
    return h.listen(LOOPBACK).get(5, TimeUnit.SECONDS).withPeerId(h.peerId());
  }

  private PeerManager manager(Host h, PeerPolicy policy, int hi, List<Multiaddr> statics) {
    return manager(h, policy, hi, statics, System::currentTimeMillis);
  }

  private PeerManager manager(Host h, PeerPolicy policy, int hi, List<Multiaddr> statics, java.util.function.LongSupplier clock) {
    PeerManager m = new PeerManager(h, policy, hi, statics, () -> Map.copyOf(scores), clock);
    open.add(m);
    m.start();
    return m;
  }

  private static void await(BooleanSupplier condition, String what) throws InterruptedException {
    long deadline = System.currentTimeMillis() + 10_000;
    while (!condition.getAsBoolean()) {
      if (System.currentTimeMillis() > deadline) {
        throw new AssertionError("timed out waiting for " + what);
      }
      Thread.sleep(20);
    }
  }

  private static Set<PeerId> peers(Host h) {
    Set<PeerId> out = new TreeSet<>(java.util.Comparator.comparing(PeerId::toString));
    h.connections().forEach(c -> out.add(c.remotePeer()));
    return out;
  }

  /** Four peers dialing the node at once (made first, so they connect within its grace period). */
  private List<Host> crowd(List<Host> inbound, Multiaddr nodeAddr) throws Exception {
    List<java.util.concurrent.CompletableFuture<?>> dials = new ArrayList<>();
    for (Host p : inbound) {
      dials.add(p.dial(nodeAddr));
    }
    for (java.util.concurrent.CompletableFuture<?> d : dials) {
      d.get(5, TimeUnit.SECONDS);
    }
    return inbound;
  }

  private List<Host> hosts(int n) {
    List<Host> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(host());
    }
    return out;
  }

  @Test
  void aboveTheHighTideTrimsToTheLowTideAfterGraceKeepingStaticAndBestScored() throws Exception {
    Host node = host();
    Host staticPeer = host();
    Multiaddr staticAddr = listen(staticPeer);
    Multiaddr nodeAddr = listen(node);
    PeerManager m = manager(node, FAST, 3, List.of(staticAddr), now::get);
    await(() -> node.isConnected(staticPeer.peerId()), "the static peer dialed at start");
    List<Host> inbound = crowd(hosts(4), nodeAddr);
    scores.put(inbound.get(2).peerId().toString(), 10.0);
    scores.put(inbound.get(0).peerId().toString(), -5.0);
    await(() -> node.connections().size() == 5, "five connections");
    now.addAndGet(FAST.grace().toMillis() - 1);
    Thread.sleep(300);
    assertEquals(5, node.connections().size(), "nothing is trimmed within the grace period");
    now.addAndGet(1);
    await(() -> node.connections().size() == 2, "trimmed to the low tide");
    assertEquals(Set.of(staticPeer.peerId().toString(), inbound.get(2).peerId().toString()),
        peers(node).stream().map(PeerId::toString).collect(java.util.stream.Collectors.toSet()),
        "the static peer and the best-scored peer survive");
    assertEquals(3, m.trimmed());
    Thread.sleep(500);
    assertFalse(m.pendingRedials().contains(inbound.get(0).peerId().toString()), "trimmed peers are not redialed");
  }

  @Test
  void protectedPeersAreNeverTrimmed() throws Exception {
    Host node = host();
    Host staticPeer = host();
    Multiaddr staticAddr = listen(staticPeer);
    Multiaddr nodeAddr = listen(node);
    PeerManager m = manager(node, FAST, 3, List.of(staticAddr), now::get);
    await(() -> node.isConnected(staticPeer.peerId()), "the static peer");
    List<Host> inbound = crowd(hosts(4), nodeAddr);
    await(() -> node.connections().size() == 5, "five connections");
    m.protect(inbound.get(1).peerId());
    scores.put(inbound.get(1).peerId().toString(), -50.0);
    assertTrue(m.isProtected(inbound.get(1).peerId().toString()));
    now.addAndGet(FAST.grace().toMillis());
    try {
      await(() -> node.connections().size() == 2, "trimmed to the low tide");
    } catch (AssertionError e) {
      throw new AssertionError(e.getMessage() + ": " + node.connections().stream().map(c -> c.remotePeer() + " " + c.direction()).toList()
          + " trimmed " + m.trimmed() + " static " + staticPeer.peerId() + " protected " + inbound.get(1).peerId());
    }
    assertTrue(node.isConnected(inbound.get(1).peerId()), "the protected peer stays despite the worst score");
    assertTrue(node.isConnected(staticPeer.peerId()));
    m.unprotect(inbound.get(1).peerId());
    assertFalse(m.isProtected(inbound.get(1).peerId().toString()));
    assertTrue(m.isProtected(staticPeer.peerId().toString()), "static peers stay protected");
  }

  @Test
  void aStaticPeerIsRedialedAfterItDropsUs() throws Exception {
    Host node = host();
    Host staticPeer = host();
    Multiaddr staticAddr = listen(staticPeer);
    manager(node, FAST, 3, List.of(staticAddr));
    await(() -> node.isConnected(staticPeer.peerId()), "the static peer");
    staticPeer.disconnect(node.peerId());
    await(() -> !node.isConnected(staticPeer.peerId()), "the drop");
    await(() -> node.isConnected(staticPeer.peerId()), "the redial");
  }

  @Test
  void aDiscoveredPeerThatDropsUsIsRedialedWithinItsBudget() throws Exception {
    Host node = host();
    Host unlimited = host();
    Host once = host();
    PeerManager m = manager(node, FAST.withRedial(0, Duration.ofHours(1)), 3, List.of());
    m.offer(listen(unlimited));
    await(() -> node.isConnected(unlimited.peerId()), "the discovered peer dialed below the low tide");
    unlimited.disconnect(node.peerId());
    await(() -> !node.isConnected(unlimited.peerId()), "the drop");
    await(() -> node.isConnected(unlimited.peerId()), "the redial (no limit)");

    Host node2 = host();
    PeerManager limited = manager(node2, FAST.withRedial(1, Duration.ofHours(1)), 3, List.of());
    limited.offer(listen(once));
    await(() -> node2.isConnected(once.peerId()), "dialed once");
    once.disconnect(node2.peerId());
    await(() -> !node2.isConnected(once.peerId()), "the drop");
    Thread.sleep(600);
    assertFalse(node2.isConnected(once.peerId()), "one dial per hour (--p2p.redial 1) was spent");
    assertTrue(limited.pendingRedials().isEmpty(), "and the peer is forgotten");
  }

  @Test
  void discoveredPeersAreNotDialedAtTheLowTide() throws Exception {
    Host node = host();
    PeerManager m = manager(node, FAST, 3, List.of());
    List<Host> others = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      others.add(host());
    }
    m.offer(listen(others.get(0)));
    m.offer(listen(others.get(1)));
    await(() -> node.connections().size() == 2, "two dialed");
    m.offer(listen(others.get(2)));
    Thread.sleep(300);
    assertFalse(node.isConnected(others.get(2).peerId()), "at the low tide of 2 no more dials");
  }
}
