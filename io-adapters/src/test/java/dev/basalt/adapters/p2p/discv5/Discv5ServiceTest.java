package dev.basalt.adapters.p2p.discv5;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.basalt.adapters.p2p.enr.Enr;
import dev.basalt.adapters.p2p.enr.NodeId;
import dev.basalt.adapters.p2p.enr.NodeKey;
import java.net.InetAddress;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Basalt discv5 nodes on loopback finding each other, filtering other chains, persisting peers. */
class Discv5ServiceTest {
  static final long CHAIN = 901;
  private final List<Discv5Service> started = new ArrayList<>();

  static DiscoveryConfig config(long chain, List<String> boot) {
    return DiscoveryConfig.defaults(NodeKey.generate(new SecureRandom()), chain)
        .withListen(InetAddress.getLoopbackAddress(), 0)
        .withBootnodes(boot)
        .withIntervals(Duration.ofMillis(300), Duration.ofMillis(500), Duration.ofMillis(500));
  }

  Discv5Service start(DiscoveryConfig c) throws Exception {
    Discv5Service s = new Discv5Service(c);
    s.start();
    started.add(s);
    return s;
  }

  @AfterEach
  void stop() {
    started.forEach(Discv5Service::close);
  }

  static boolean await(BooleanSupplier cond, Duration max) throws InterruptedException {
    long end = System.nanoTime() + max.toNanos();
    while (System.nanoTime() < end) {
      if (cond.getAsBoolean()) {
        return true;
      }
      Thread.sleep(20);
    }
    return cond.getAsBoolean();
  }

  static Set<NodeId> found(Discv5Service s) {
    Set<NodeId> ids = ConcurrentHashMap.newKeySet();
    s.onPeer(p -> ids.add(p.nodeId()));
    return ids;
  }

  @Test
  void nodesBootstrappedFromOneNodeFindEachOtherAndIgnoreOtherChains() throws Exception {
    Discv5Service boot = start(config(CHAIN, List.of()));
    String bootEnr = boot.localEnr().toText();
    long t0 = System.nanoTime();
    Discv5Service a = start(config(CHAIN, List.of(bootEnr)));
    Set<NodeId> aFound = found(a);
    Discv5Service b = start(config(CHAIN, List.of(bootEnr)));
    Set<NodeId> bFound = found(b);
    Discv5Service other = start(config(902, List.of(bootEnr)));

    assertTrue(await(() -> aFound.contains(b.localEnr().nodeId()) && bFound.contains(a.localEnr().nodeId()),
        Duration.ofSeconds(10)), "a and b find each other through the bootnode");
    long ms = (System.nanoTime() - t0) / 1_000_000;
    System.out.println("FIGURE discv5 two nodes via a bootnode found each other in " + ms + " ms");

    assertTrue(await(() -> a.table().stream().anyMatch(e -> e.nodeId().equals(other.localEnr().nodeId())),
        Duration.ofSeconds(10)), "the other chain's node is in the shared DHT table");
    assertFalse(aFound.contains(other.localEnr().nodeId()), "but never offered as a peer");
    assertTrue(a.peers().stream().noneMatch(p -> p.chainId() != CHAIN));
    DiscoveredPeer pb = a.peers().stream().filter(p -> p.nodeId().equals(b.localEnr().nodeId())).findFirst().orElseThrow();
    assertEquals(9222, pb.tcpPort());
    assertEquals(InetAddress.getLoopbackAddress(), pb.ip());
  }

  @Test
  void enrSequenceUpdatesReachPeers() throws Exception {
    Discv5Service boot = start(config(CHAIN, List.of()));
    Discv5Service a = start(config(CHAIN, List.of(boot.localEnr().toText())));
    List<DiscoveredPeer> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
    boot.onPeer(seen::add);
    assertTrue(await(() -> seen.stream().anyMatch(p -> p.nodeId().equals(a.localEnr().nodeId())), Duration.ofSeconds(10)));
    a.setTcpPort(4242);
    assertTrue(await(() -> a.localEnr().seq() == 2, Duration.ofSeconds(2)));
    // the bootnode learns seq 2 from a's next PING (liveness check) or handshake and fetches the record
    assertTrue(await(() -> seen.stream().anyMatch(p -> p.nodeId().equals(a.localEnr().nodeId()) && p.tcpPort() == 4242),
        Duration.ofSeconds(15)), "updated record propagated");
  }

  @Test
  void peerStoreSurvivesRestart(@TempDir Path dir) throws Exception {
    Discv5Service boot = start(config(CHAIN, List.of()));
    Path store = dir.resolve("discv5-peers.txt");
    DiscoveryConfig ac = config(CHAIN, List.of(boot.localEnr().toText())).withPeerStore(store);
    Discv5Service a = start(ac);
    assertTrue(await(() -> a.table().size() >= 1, Duration.ofSeconds(10)));
    a.close();
    List<Enr> stored = new PeerStore(store, 10).load();
    assertTrue(stored.stream().anyMatch(e -> e.nodeId().equals(boot.localEnr().nodeId())), "bootnode persisted");
    // restarted without bootnodes, it finds the bootnode again from the store
    Discv5Service again = start(config(CHAIN, List.of()).withPeerStore(store));
    assertTrue(await(() -> again.table().stream().anyMatch(e -> e.nodeId().equals(boot.localEnr().nodeId())),
        Duration.ofSeconds(5)));
  }
}
