package dev.basalt.adapters.p2p.gossip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.basalt.core.p2p.GossipOutcome;
import dev.basalt.core.p2p.SnappyBlock;
import dev.basalt.core.types.Bytes;
import dev.basalt.adapters.p2p.host.Host;
import dev.basalt.adapters.p2p.host.HostConfig;
import dev.basalt.adapters.p2p.identity.IdentityKey;
import dev.basalt.adapters.p2p.multiaddr.Multiaddr;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Basalt nodes on loopback TCP (Noise, yamux) form a gossip mesh and deliver published blocks. */
class GossipLoopbackTest {
  private static final String TOPIC = "/optimism/901/2/blocks";

  static final class Node implements AutoCloseable {
    final Host host = Host.create(HostConfig.defaults(IdentityKey.generate(new SecureRandom())).withIoThreads(1));
    final List<Bytes> received = new CopyOnWriteArrayList<>();
    final GossipNetwork net;
    Multiaddr addr;

    Node(GossipOutcome verdict) throws Exception {
      GossipNetwork[] self = new GossipNetwork[1];
      net = new GossipNetwork(host, GossipParams.OP_NODE, ScoreParams.opNodeLight(2), MessageIds.Variant.OP_NODE,
          Set.of(TOPIC), (id, topic, data, from, at) -> {
            received.add(Bytes.of(data));
            self[0].resolve(id, verdict);
          }, System::currentTimeMillis);
      self[0] = net;
      addr = host.listen(Multiaddr.parse("/ip4/127.0.0.1/tcp/0")).get(5, TimeUnit.SECONDS).withPeerId(host.peerId());
      net.start(List.of(TOPIC));
    }

    @Override
    public void close() {
      net.close();
      host.close();
    }
  }

  private static void await(java.util.function.BooleanSupplier condition, String what) throws InterruptedException {
    long deadline = System.currentTimeMillis() + 10_000;
    while (!condition.getAsBoolean()) {
      if (System.currentTimeMillis() > deadline) {
        throw new AssertionError("timed out waiting for " + what);
      }
      Thread.sleep(20);
    }
  }

  private static byte[] block(int n) {
    byte[] raw = new byte[100_000];
    new java.util.Random(n).nextBytes(raw);
    return SnappyBlock.encode(raw);
  }

  @Test
  void twoNodesExchangeBlocks() throws Exception {
    try (Node a = new Node(GossipOutcome.ACCEPT); Node b = new Node(GossipOutcome.ACCEPT)) {
      a.net.connect(b.addr).get(5, TimeUnit.SECONDS);
      await(() -> a.net.query(r -> r.meshPeers(TOPIC).size()).join() == 1
          && b.net.query(r -> r.meshPeers(TOPIC).size()).join() == 1, "a mesh of two");
      a.net.publish(TOPIC, block(1)).get(5, TimeUnit.SECONDS);
      await(() -> b.received.size() == 1, "the block at B");
      b.net.publish(TOPIC, block(2)).get(5, TimeUnit.SECONDS);
      await(() -> a.received.size() == 1, "the block at A");
      assertEquals(Bytes.of(block(2)), a.received.get(0));
      assertTrue(a.net.bytesOut() > 100_000 && b.net.bytesIn() > 100_000);
    }
  }

  @Test
  void fiveNodesInALineAllReceiveEveryBlock() throws Exception {
    List<Node> nodes = new ArrayList<>();
    try {
      for (int i = 0; i < 5; i++) {
        nodes.add(new Node(GossipOutcome.ACCEPT));
      }
      for (int i = 0; i + 1 < nodes.size(); i++) {
        nodes.get(i).net.connect(nodes.get(i + 1).addr).get(5, TimeUnit.SECONDS);
      }
      await(() -> nodes.stream().allMatch(n -> n.net.query(r -> r.meshPeers(TOPIC).size()).join() >= 1), "meshes");
      nodes.get(0).net.publish(TOPIC, block(3)).get(5, TimeUnit.SECONDS);
      await(() -> nodes.stream().skip(1).allMatch(n -> n.received.size() == 1), "the block four hops away");
      nodes.get(4).net.publish(TOPIC, block(4)).get(5, TimeUnit.SECONDS);
      await(() -> nodes.stream().limit(4).allMatch(n -> n.received.size() == (n == nodes.get(0) ? 1 : 2)), "the block back");
    } finally {
      nodes.forEach(Node::close);
    }
  }

  @Test
  void aRejectedBlockIsNotForwardedAndItsSenderIsGraylisted() throws Exception {
    try (Node a = new Node(GossipOutcome.ACCEPT); Node b = new Node(GossipOutcome.REJECT); Node c = new Node(GossipOutcome.ACCEPT)) {
      a.net.connect(b.addr).get(5, TimeUnit.SECONDS);
      b.net.connect(c.addr).get(5, TimeUnit.SECONDS);
      await(() -> b.net.query(r -> r.meshPeers(TOPIC).size()).join() == 2, "B's mesh");
      a.net.publish(TOPIC, block(5)).get(5, TimeUnit.SECONDS);
      await(() -> b.received.size() == 1, "B validated it");
      Thread.sleep(500);
      assertEquals(0, c.received.size(), "B rejected it, so C never sees it");
      double score = b.net.query(r -> r.score(a.host.peerId().toString(), System.currentTimeMillis())).join();
      assertTrue(score < -40, "A is graylisted at B: " + score);
    }
  }
}
