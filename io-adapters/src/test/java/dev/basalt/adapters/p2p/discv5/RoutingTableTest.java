package dev.basalt.adapters.p2p.discv5;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.basalt.adapters.p2p.enr.Enr;
import dev.basalt.adapters.p2p.enr.NodeId;
import dev.basalt.adapters.p2p.enr.NodeKey;
import java.net.InetAddress;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RoutingTableTest {
  private final SecureRandom random = new SecureRandom();

  private NodeContact contact() {
    Enr e = Enr.builder().ip(InetAddress.getLoopbackAddress()).udp(1000 + random.nextInt(1000)).sign(NodeKey.generate(random));
    return NodeContact.of(e).orElseThrow();
  }

  @Test
  void bucketsHoldSixteenAndPromoteReplacements() {
    NodeId self = NodeKey.generate(random).nodeId();
    RoutingTable t = new RoutingTable(self);
    // random IDs fall at distance 256 half the time: fill that bucket
    List<NodeContact> far = new ArrayList<>();
    while (far.size() < 20) {
      NodeContact c = contact();
      if (NodeId.logDistance(self, c.id()) == 256) {
        far.add(c);
      }
    }
    for (int i = 0; i < 20; i++) {
      boolean inserted = t.add(far.get(i), true, i);
      assertEquals(i < RoutingTable.K, inserted);
    }
    assertEquals(RoutingTable.K, t.atDistances(List.of(256), 100).size());
    t.remove(far.get(0).id());
    assertTrue(t.get(far.get(19).id()).isPresent(), "most recent replacement promoted");
    assertFalse(t.get(far.get(0).id()).isPresent());
    assertEquals(RoutingTable.K, t.size());
  }

  @Test
  void randomEvictionKeepsTwentyAndRemovesOneAtATime() {
    NodeId self = NodeKey.generate(random).nodeId();
    RoutingTable t = new RoutingTable(self);
    java.util.Map<Integer, Integer> perBucket = new java.util.HashMap<>();
    while (t.size() < 25) {
      NodeContact c = contact();
      int d = NodeId.logDistance(self, c.id());
      if (perBucket.getOrDefault(d, 0) < RoutingTable.K) { // never overflow: no replacements to promote
        perBucket.merge(d, 1, Integer::sum);
        assertTrue(t.add(c, true, 0));
      }
    }
    java.util.Random seeded = new java.util.Random(7);
    java.util.Set<NodeId> evicted = new java.util.HashSet<>();
    for (int i = 0; i < 5; i++) {
      int before = t.size();
      NodeId id = t.evictRandom(DiscoveryConfig.RANDOMIZE_KEEP, seeded).orElseThrow();
      assertFalse(t.get(id).isPresent(), "the evicted node is gone");
      assertEquals(before - 1, t.size(), "one node per tick (no replacements were waiting)");
      evicted.add(id);
    }
    assertEquals(5, evicted.size());
    assertEquals(DiscoveryConfig.RANDOMIZE_KEEP, t.size());
    assertTrue(t.evictRandom(DiscoveryConfig.RANDOMIZE_KEEP, seeded).isEmpty(), "kona keeps 20: no eviction at or below");
    assertEquals(DiscoveryConfig.RANDOMIZE_KEEP, t.size());
  }

  @Test
  void closestSortsByXorDistanceAndLookupDistancesStayInRange() {
    NodeId self = NodeKey.generate(random).nodeId();
    RoutingTable t = new RoutingTable(self);
    for (int i = 0; i < 40; i++) {
      t.add(contact(), false, 0);
    }
    NodeId target = NodeKey.generate(random).nodeId();
    List<NodeContact> c = t.closest(target, 8);
    for (int i = 1; i < c.size(); i++) {
      assertTrue(target.compareDistance(c.get(i - 1).id(), c.get(i).id()) <= 0);
    }
    assertEquals(List.of(256, 255, 254), Lookup.distances(target, target));
    for (int i = 0; i < 50; i++) {
      for (int d : Lookup.distances(target, NodeKey.generate(random).nodeId())) {
        assertTrue(d >= 1 && d <= 256);
      }
    }
  }

  @Test
  void builtInBootnodeListsParse() {
    assertEquals(24, DefaultBootnodes.load("bootnodes-mainnet.txt").size());
    assertEquals(8, DefaultBootnodes.load("bootnodes-sepolia.txt").size());
    assertEquals(8, DefaultBootnodes.load("bootnodes-op-node.txt").size());
    for (long l1 : new long[] {DefaultBootnodes.L1_MAINNET, DefaultBootnodes.L1_SEPOLIA, 900}) {
      for (String b : DefaultBootnodes.forL1(l1)) {
        Discv5Service.parseBootnode(b);
      }
    }
    assertEquals(8, DefaultBootnodes.forL1(900).size());
    assertTrue(DefaultBootnodes.forL1(DefaultBootnodes.L1_MAINNET).size() > 24);
  }
}
