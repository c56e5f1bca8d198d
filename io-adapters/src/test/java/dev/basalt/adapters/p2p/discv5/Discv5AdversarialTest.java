package dev.basalt.adapters.p2p.discv5;

import static dev.basalt.adapters.p2p.discv5.Discv5ServiceTest.await;
import static dev.basalt.adapters.p2p.discv5.Discv5ServiceTest.config;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.basalt.adapters.p2p.enr.Enr;
import dev.basalt.adapters.p2p.enr.NodeId;
import dev.basalt.adapters.p2p.enr.NodeKey;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Hostile input is refused with a log line and a counter; the node keeps working and stays bounded. */
class Discv5AdversarialTest {
  private Discv5Service target;
  private InetSocketAddress addr;
  private final List<AutoCloseable> closeables = new ArrayList<>();

  @BeforeEach
  void start() throws Exception {
    target = new Discv5Service(config(Discv5ServiceTest.CHAIN, List.of()));
    target.start();
    addr = target.boundAddress();
  }

  @AfterEach
  void stop() throws Exception {
    for (AutoCloseable c : closeables) {
      c.close();
    }
    target.close();
  }

  private RawPeer peer() throws Exception {
    RawPeer p = new RawPeer(Discv5ServiceTest.CHAIN);
    closeables.add(p);
    return p;
  }

  private long drops(String reason) {
    return target.dropCounts().getOrDefault(reason, 0L);
  }

  /** The target still completes a full handshake and PING/PONG with a well-behaved peer. */
  private void assertStillServes() throws Exception {
    RawPeer good = peer();
    good.send(addr, good.randomOrdinary(target.localEnr().nodeId()));
    Packet.WhoAreYou w = assertInstanceOf(Packet.WhoAreYou.class, good.receive());
    byte[][] hs = good.handshake(target.localEnr(), w, good.key, new Message.Ping(RequestId.ofLong(7), 1));
    good.send(addr, hs[0]);
    Message pong = RawPeer.open(good.receive(), hs[2]);
    assertInstanceOf(Message.Pong.class, pong);
    assertEquals(RequestId.ofLong(7), pong.requestId());
  }

  @Test
  void garbageDatagramsAreRefused() throws Exception {
    RawPeer junk = peer();
    int sent = 0;
    for (int size : new int[] {1, 16, 62, 63, 64, 100, 500, 1280, 1281, 1500, 2000}) {
      for (int i = 0; i < 20; i++) {
        junk.send(addr, junk.bytes(size));
        sent++;
      }
    }
    // well-formed packets masked for another node, and a header whose authdata-size runs past the end
    junk.send(addr, junk.randomOrdinary(NodeKey.generate(junk.random).nodeId()));
    sent++;
    byte[] header = PacketCodec.header(PacketCodec.FLAG_ORDINARY, junk.bytes(12), new byte[40]);
    byte[] truncated = PacketCodec.assemble(target.localEnr().nodeId(), junk.bytes(16), header, new byte[0]);
    junk.send(addr, java.util.Arrays.copyOf(truncated, 70));
    sent++;
    final int total = sent;
    assertTrue(await(() -> drops("undecodable packet") == total, Duration.ofSeconds(5)),
        "every datagram refused: " + target.dropCounts());
    assertStillServes();
  }

  @Test
  void unsolicitedWhoAreYouFloodIsIgnored() throws Exception {
    RawPeer flooder = peer();
    NodeId dest = target.localEnr().nodeId();
    int n = 3000;
    for (int i = 0; i < n; i++) {
      byte[][] w = PacketCodec.encodeWhoAreYou(dest, flooder.bytes(16), flooder.bytes(12), flooder.bytes(16), 0);
      flooder.send(addr, w[0]);
      if (i % 100 == 0) {
        TimeUnit.MILLISECONDS.sleep(10); // UDP: let the loopback buffer drain so most arrive
      }
    }
    assertTrue(await(() -> drops("unsolicited WHOAREYOU") >= n / 2, Duration.ofSeconds(5)), target.dropCounts().toString());
    assertEquals(0, target.sizes().get("sessions"));
    assertEquals(0, target.sizes().get("pending"));
    assertStillServes();
  }

  @Test
  void challengeFloodStaysBounded() throws Exception {
    RawPeer flooder = peer();
    for (int i = 0; i < 2500; i++) {
      // each packet claims a different source id: each would cost a stored challenge and a WHOAREYOU
      byte[] header = PacketCodec.header(PacketCodec.FLAG_ORDINARY, flooder.bytes(12), flooder.bytes(32));
      flooder.send(addr, PacketCodec.assemble(target.localEnr().nodeId(), flooder.bytes(16), header, flooder.bytes(20)));
      if (i % 100 == 0) {
        TimeUnit.MILLISECONDS.sleep(10);
      }
    }
    assertTrue(await(() -> drops("packet over the WHOAREYOU rate limit") > 0, Duration.ofSeconds(5)), target.dropCounts().toString());
    assertTrue(target.sizes().get("challenges") <= Discv5Handler.MAX_CHALLENGES);
    TimeUnit.MILLISECONDS.sleep(1100); // the per-IP window passes (flooder and good peer share 127.0.0.1)
    assertStillServes();
  }

  @Test
  void handshakesWithTheWrongKeyAreRefused() throws Exception {
    RawPeer liar = peer();
    NodeKey other = NodeKey.generate(liar.random);
    liar.send(addr, liar.randomOrdinary(target.localEnr().nodeId()));
    Packet.WhoAreYou w = assertInstanceOf(Packet.WhoAreYou.class, liar.receive());
    liar.send(addr, liar.handshake(target.localEnr(), w, other, new Message.Ping(RequestId.ofLong(1), 1))[0]);
    assertTrue(await(() -> drops("handshake with a bad id-signature") == 1, Duration.ofSeconds(3)), target.dropCounts().toString());
    // a replay of the handshake finds no challenge any more
    liar.send(addr, liar.randomOrdinary(target.localEnr().nodeId()));
    Packet.WhoAreYou w2 = assertInstanceOf(Packet.WhoAreYou.class, liar.receive());
    byte[][] good = liar.handshake(target.localEnr(), w2, liar.key, new Message.Ping(RequestId.ofLong(2), 1));
    liar.send(addr, good[0]);
    assertInstanceOf(Message.Pong.class, RawPeer.open(liar.receive(), good[2]));
    liar.send(addr, good[0]);
    assertTrue(await(() -> drops("handshake without a live challenge") == 1, Duration.ofSeconds(3)), target.dropCounts().toString());
    assertEquals(1, target.sizes().get("sessions"));
  }

  @Test
  void oversizedNodesResponsesAreCapped() throws Exception {
    RawPeer evil = peer();
    NodeId targetId = target.localEnr().nodeId();
    target.addNode(evil.enr);
    // the target pings us: answer the handshake and the PING properly
    Packet.Ordinary first = assertInstanceOf(Packet.Ordinary.class, evil.receive());
    byte[][] w = PacketCodec.encodeWhoAreYou(targetId, evil.bytes(16), first.nonce(), evil.bytes(16), 0);
    evil.send(addr, w[0]);
    Packet.Handshake h = assertInstanceOf(Packet.Handshake.class, evil.receive());
    Discv5Crypto.SessionKeys keys = evil.acceptHandshake(h, w[1]);
    Message ping = RawPeer.open(h, keys.initiatorKey());
    evil.send(addr, evil.ordinary(targetId, keys.recipientKey(), new Message.Pong(ping.requestId(), 1, addr.getAddress(), addr.getPort())));
    // then a lookup asks us FINDNODE: answer with a huge "total" and records at wrong distances
    target.lookupRandom();
    Message find = null;
    for (int i = 0; i < 10 && !(find instanceof Message.FindNode); i++) {
      Packet p = evil.receive();
      find = p == null ? null : RawPeer.open(p, keys.initiatorKey());
    }
    Message.FindNode f = assertInstanceOf(Message.FindNode.class, find);
    List<Enr> junkRecords = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      junkRecords.add(new RawPeer(Discv5ServiceTest.CHAIN).enr);
    }
    evil.send(addr, evil.ordinary(targetId, keys.recipientKey(), new Message.Nodes(f.requestId(), 1000, junkRecords)));
    assertTrue(await(() -> drops("oversized NODES response") == 1, Duration.ofSeconds(3)), target.dropCounts().toString());
    // a late extra answer to the finished request is refused too
    evil.send(addr, evil.ordinary(targetId, keys.recipientKey(), new Message.Nodes(f.requestId(), 1, junkRecords)));
    assertTrue(await(() -> drops("unexpected response") >= 1, Duration.ofSeconds(3)), target.dropCounts().toString());
    assertTrue(target.table().stream().noneMatch(e -> junkRecords.contains(e)), "nothing from the refused answer entered the table");
  }
}
