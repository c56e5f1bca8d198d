package dev.basalt.adapters.p2p.gossip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.basalt.core.p2p.SnappyBlock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The router's behaviour on in-memory networks with virtual time. */
class GossipRouterTest {
  private static byte[] block(int n) {
    byte[] raw = new byte[200];
    raw[0] = 1;
    raw[1] = (byte) n;
    raw[2] = (byte) (n >> 8);
    return SnappyBlock.encode(raw);
  }

  @Test
  void twoNodesFormAMeshAndAPublishedBlockArrives() {
    VirtualNet net = new VirtualNet();
    VirtualNet.Node a = net.add("A");
    VirtualNet.Node b = net.add("B");
    net.connect("A", "B");
    net.run(1_000);
    assertEquals(java.util.Set.of("B"), a.router.meshPeers(VirtualNet.TOPIC));
    assertEquals(java.util.Set.of("A"), b.router.meshPeers(VirtualNet.TOPIC));
    a.router.publish(VirtualNet.TOPIC, block(1), net.now);
    net.settle();
    assertEquals(1, b.validated.size());
    assertEquals(0, a.validated.size(), "own messages are not validated again");
  }

  @Test
  void fiveNodesAllReceiveEveryBlockExactlyOnce() {
    VirtualNet net = new VirtualNet();
    List<String> ids = List.of("N1", "N2", "N3", "N4", "N5");
    ids.forEach(net::add);
    for (int i = 0; i < ids.size(); i++) {
      for (int j = i + 1; j < ids.size(); j++) {
        net.connect(ids.get(i), ids.get(j));
      }
    }
    net.run(2_000);
    for (int k = 0; k < 10; k++) {
      net.nodes.get(ids.get(k % 5)).router.publish(VirtualNet.TOPIC, block(k), net.now);
      net.settle();
    }
    for (String id : ids) {
      assertEquals(8, net.nodes.get(id).validated.size(), id + " validates each of the 8 blocks others published, once");
      assertEquals(4, net.nodes.get(id).router.meshPeers(VirtualNet.TOPIC).size());
    }
  }

  @Test
  void aSparseNetworkDeliversThroughTheMeshAndGossip() {
    VirtualNet net = new VirtualNet();
    int n = 30;
    for (int i = 0; i < n; i++) {
      net.add("P" + i);
    }
    java.util.SplittableRandom rng = new java.util.SplittableRandom(3);
    for (int i = 0; i < n; i++) {
      net.connect("P" + i, "P" + ((i + 1) % n));
      for (int k = 0; k < 3; k++) {
        int j = rng.nextInt(n);
        if (j != i && !net.nodes.get("P" + i).router.peers().contains("P" + j)) {
          net.connect("P" + i, "P" + j);
        }
      }
    }
    net.run(5_000);
    for (VirtualNet.Node node : net.nodes.values()) {
      int m = node.router.meshPeers(VirtualNet.TOPIC).size();
      assertTrue(m <= GossipParams.OP_NODE.dhi(), node.id + " mesh " + m);
      assertTrue(m >= Math.min(node.router.peers().size(), GossipParams.OP_NODE.dlo()) || m == node.router.peers().size(),
          node.id + " mesh " + m + " of " + node.router.peers().size());
    }
    net.nodes.get("P0").router.publish(VirtualNet.TOPIC, block(77), net.now);
    net.settle();
    net.run(3_000);
    for (VirtualNet.Node node : net.nodes.values()) {
      if (!node.id.equals("P0")) {
        assertEquals(1, node.validated.size(), node.id);
      }
    }
  }

  @Test
  void anInvalidMessageGraylistsItsSenderAndItsFloodIsDroppedUnjudged() {
    VirtualNet net = new VirtualNet();
    VirtualNet.Node honest = net.add("H");
    VirtualNet.Node victim = net.add("V");
    net.connect("H", "V");
    net.run(1_000);
    for (int i = 0; i < 500; i++) {
      byte[] bad = new byte[] {(byte) 0xee, (byte) i, (byte) (i >> 8)};
      net.queue.add(new VirtualNet.Delivery("H", "V", RpcCodec.encode(Rpc.ofMessages(List.of(Rpc.Message.unsigned(VirtualNet.TOPIC, bad))))));
      net.settle();
    }
    assertEquals(1, victim.validated.size(), "one invalid block (-112 with OP's weights) graylists the sender");
    assertTrue(victim.router.score("H", net.now) < ScoreParams.opNodeLight(2).graylistThreshold(),
        "score " + victim.router.score("H", net.now));
    assertTrue(victim.router.stats().graylistedRpcs() > 0);
    assertFalse(victim.graylisted.isEmpty(), "the service hears about it");
    assertEquals(1, victim.graylisted.stream().distinct().count());
    net.run(1_000);
    assertFalse(victim.router.meshPeers(VirtualNet.TOPIC).contains("H"), "pruned from the mesh");
  }

  @Test
  void pendingValidationsPerPeerAreBounded() {
    VirtualNet net = new VirtualNet();
    net.add("S");
    VirtualNet.Node r = net.add("R");
    r.holdVerdicts = true;
    net.connect("S", "R");
    for (int i = 0; i < 1_000; i++) {
      net.queue.add(new VirtualNet.Delivery("S", "R", RpcCodec.encode(Rpc.ofMessages(List.of(Rpc.Message.unsigned(VirtualNet.TOPIC, block(i)))))));
    }
    net.settle();
    assertEquals(GossipParams.OP_NODE.maxPendingPerPeer(), r.validated.size());
    assertEquals(1_000 - GossipParams.OP_NODE.maxPendingPerPeer(), r.router.stats().throttled());
    net.run(GossipRouter.VALIDATION_TIMEOUT_MILLIS + 500);
    assertEquals(0, r.router.pendingValidations(), "unanswered validations time out as ignored");
  }

  @Test
  void signedMessagesAreRefusedUnderStrictNoSign() {
    VirtualNet net = new VirtualNet();
    net.add("S");
    VirtualNet.Node r = net.add("R");
    net.connect("S", "R");
    Rpc.Message signed = new Rpc.Message(new byte[] {1}, block(1), new byte[] {2}, VirtualNet.TOPIC, new byte[] {3}, null);
    net.queue.add(new VirtualNet.Delivery("S", "R", RpcCodec.encode(Rpc.ofMessages(List.of(signed)))));
    net.settle();
    assertEquals(0, r.validated.size());
    assertEquals(1, r.router.stats().rejected());
    assertTrue(r.router.score("S", net.now) < 0);
  }

  @Test
  void aPeerOutsideTheMeshFetchesAnnouncedMessagesWithIWant() {
    VirtualNet net = new VirtualNet();
    GossipParams tiny = GossipParams.OP_NODE.withMesh(1, 1, 1, 6);
    VirtualNet.Node a = net.add("A", tiny, ScoreParams.NONE);
    net.add("B", tiny, ScoreParams.NONE);
    VirtualNet.Node c = net.add("C", tiny, ScoreParams.NONE);
    net.connect("A", "B");
    net.connect("A", "C");
    net.run(1_000);
    assertEquals(1, a.router.meshPeers(VirtualNet.TOPIC).size());
    String outside = a.router.meshPeers(VirtualNet.TOPIC).contains("B") ? "C" : "B";
    a.router.publish(VirtualNet.TOPIC, block(5), net.now);
    net.settle();
    assertEquals(0, net.nodes.get(outside).validated.size(), "not pushed outside the mesh");
    net.run(500);
    assertEquals(1, net.nodes.get(outside).validated.size(), "announced by IHAVE, fetched by IWANT");
    assertTrue(c.router.stats().rpcsIn() > 0);
  }

  @Test
  void graftingDuringBackoffIsPenalised() {
    VirtualNet net = new VirtualNet();
    VirtualNet.Node a = net.add("A");
    net.add("B");
    net.connect("A", "B");
    net.run(1_000);
    net.queue.add(new VirtualNet.Delivery("B", "A", RpcCodec.encode(Rpc.ofControl(new Rpc.Control(List.of(), List.of(), List.of(),
        List.of(new Rpc.Prune(VirtualNet.TOPIC, 60)), List.of())))));
    net.settle();
    assertFalse(a.router.meshPeers(VirtualNet.TOPIC).contains("B"));
    for (int i = 0; i < 10; i++) {
      net.queue.add(new VirtualNet.Delivery("B", "A", RpcCodec.encode(Rpc.ofControl(new Rpc.Control(List.of(), List.of(),
          List.of(new Rpc.Graft(VirtualNet.TOPIC)), List.of(), List.of())))));
    }
    net.settle();
    assertTrue(a.router.score("B", net.now) < 0, "behaviour penalty beyond the threshold of 6");
    assertFalse(a.router.meshPeers(VirtualNet.TOPIC).contains("B"));
  }

  @Test
  void messageIdsAreOpNodes() {
    byte[] hello = {0x05, 0x10, 'h', 'e', 'l', 'l', 'o'};
    assertEquals("0x0089d50f80a1e1668e93fef3bd0d075261438c71",
        MessageIds.of(MessageIds.Variant.OP_NODE, "/optimism/10/2/blocks", hello).toHex());
    assertEquals("0x79d62a59d0e47597aeb73cb85ba034c3f67f90e8",
        MessageIds.of(MessageIds.Variant.SPEC, "/optimism/10/2/blocks", hello).toHex());
    assertEquals("0x29f4eb0a3c7fbcf906091e6079ac849d862a8856",
        MessageIds.of(MessageIds.Variant.OP_NODE, "/optimism/10/2/blocks", new byte[] {(byte) 0xff, 0}).toHex(),
        "invalid snappy: the raw data with the zero domain");
  }

  @Test
  void rpcsRoundTripThroughTheCodec() throws Exception {
    Rpc rpc = new Rpc(List.of(new Rpc.SubOpts(true, "t1"), new Rpc.SubOpts(false, "t2")),
        List.of(Rpc.Message.unsigned("t1", new byte[] {1, 2, 3})),
        new Rpc.Control(List.of(new Rpc.IHave("t1", List.of(new byte[] {9, 9}))), List.of(new Rpc.IWant(List.of(new byte[] {7}))),
            List.of(new Rpc.Graft("t1")), List.of(new Rpc.Prune("t2", 60)), List.of()));
    Rpc back = RpcCodec.decode(RpcCodec.encode(rpc));
    assertEquals(rpc.subscriptions(), back.subscriptions());
    assertEquals("t1", back.publish().get(0).topic());
    assertEquals(List.of(1, 2, 3), java.util.stream.IntStream.range(0, 3).mapToObj(i -> (int) back.publish().get(0).data()[i]).toList());
    assertEquals(List.of(new Rpc.Graft("t1")), back.control().graft());
    assertEquals(List.of(new Rpc.Prune("t2", 60)), back.control().prune());
    assertEquals(9, back.control().ihave().get(0).messageIds().get(0)[0]);
    // A go-libp2p subscription RPC: 0a 08 08 01 12 04 "t1xx".
    Rpc go = RpcCodec.decode(java.util.HexFormat.of().parseHex("0a0808011204" + "74317878"));
    assertEquals(Map.of("t1xx", true), Map.of(go.subscriptions().get(0).topic(), go.subscriptions().get(0).subscribe()));
  }
}
