package dev.basalt.adapters.p2p;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.basalt.adapters.ring.EventSink;
import dev.basalt.core.Core;
import dev.basalt.core.CoreConfig;
import dev.basalt.core.command.Command;
import dev.basalt.core.command.ResolveGossipMessage;
import dev.basalt.core.crypto.SigningKey;
import dev.basalt.core.engine.ExecutionPayloadEnvelope;
import dev.basalt.core.event.InputEvent;
import dev.basalt.core.event.NodeStarted;
import dev.basalt.core.p2p.GossipReason;
import dev.basalt.adapters.p2p.gossip.GossipParams;
import dev.basalt.adapters.p2p.gossip.MessageIds;
import dev.basalt.adapters.p2p.gossip.ScoreParams;
import dev.basalt.adapters.p2p.host.MuxerKind;
import dev.basalt.adapters.p2p.identity.IdentityKey;
import dev.basalt.adapters.p2p.multiaddr.Multiaddr;
import dev.basalt.testdata.gen.TestConfigs;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Two nodes' P2P services on loopback, the receiver's events applied to a real core: a block the
 * sequencer signed travels as gossip, the core validates it and its verdict resolves the router's
 * pending validation; a block signed by someone else is rejected and costs its sender.
 */
class P2pServiceTest {
  private static final SigningKey SEQUENCER = SigningKey.fromHex("0x" + "ab".repeat(32));
  private static final CoreConfig CONFIG = TestConfigs.core(901);

  /** The node's ring in miniature: events to a core on the caller's thread, verdicts to the port. */
  static final class CoreSink implements EventSink {
    final Core core = new Core();
    final List<ResolveGossipMessage> verdicts = new CopyOnWriteArrayList<>();
    P2pService service;

    @Override
    public synchronized boolean publish(InputEvent event) {
      for (Command c : core.apply(event)) {
        if (c instanceof ResolveGossipMessage v) {
          verdicts.add(v);
          service.gossipPort().resolve(v);
        }
      }
      return true;
    }

    @Override
    public boolean tryPublish(InputEvent event) {
      return publish(event);
    }
  }

  static P2pSettings settings(Optional<dev.basalt.core.types.Address> signer) {
    return new P2pSettings(IdentityKey.generate(new SecureRandom()), Multiaddr.parse("/ip4/127.0.0.1/tcp/0"), List.of(),
        List.of(MuxerKind.YAMUX, MuxerKind.MPLEX), 30, GossipParams.OP_NODE, ScoreParams.opNodeLight(2), true, -100,
        Duration.ofHours(1), signer, MessageIds.Variant.OP_NODE);
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

  @Test
  void aSignedBlockIsValidatedByTheCoreAndAForgedOneRejected() throws Exception {
    CoreSink sinkA = new CoreSink();
    CoreSink sinkB = new CoreSink();
    try (P2pService a = sequencerSigned(); P2pService b = sequencerSigned()) {
      start(a, sinkA);
      start(b, sinkB);
      a.connect(b.addresses().get(0)).get(5, TimeUnit.SECONDS);
      String topic = "/optimism/901/3/blocks";
      await(() -> a.gossip().query(r -> r.meshPeers(topic).size()).join() == 1, "mesh");

      long now = System.currentTimeMillis() / 1000;
      ExecutionPayloadEnvelope block = SignedBlocks.block(CONFIG.rollup(), 5, now, 100_000);
      a.publishBlock(block, SignedBlocks.signature(CONFIG.rollup(), SEQUENCER, block)).get(5, TimeUnit.SECONDS);
      await(() -> sinkB.verdicts.size() == 1, "B's verdict");
      assertEquals(GossipReason.VALID, sinkB.verdicts.get(0).reason(), sinkB.verdicts.get(0).detail());
      assertEquals(4, sinkB.verdicts.get(0).topicVersion(), "every fork is active: the v4 topic");
      assertEquals(1, b.metrics().count(GossipReason.VALID));
      await(() -> b.gossip().stats().accepted() == 1, "the router's pending validation resolved");

      ExecutionPayloadEnvelope forged = SignedBlocks.block(CONFIG.rollup(), 6, now, 1_000);
      a.publishBlock(forged, SignedBlocks.signature(CONFIG.rollup(), SigningKey.fromHex("0x" + "cd".repeat(32)), forged))
          .get(5, TimeUnit.SECONDS);
      await(() -> sinkB.verdicts.size() == 2, "the forged block's verdict");
      assertEquals(GossipReason.WRONG_SIGNER, sinkB.verdicts.get(1).reason());
      await(() -> b.bans().isBlocked(a.host().peerId().toString()), "A banned at B (-112 < -100)");
      assertTrue(b.gossip().stats().rejected() >= 1);
    }
  }

  @Test
  void aSimultaneousOpenLeavesOneConnectionAndGossipStillFlows() throws Exception {
    CoreSink sinkA = new CoreSink();
    CoreSink sinkB = new CoreSink();
    try (P2pService a = sequencerSigned(); P2pService b = sequencerSigned()) {
      start(a, sinkA);
      start(b, sinkB);
      var ab = a.connect(b.addresses().get(0));
      var ba = b.connect(a.addresses().get(0));
      ab.get(5, TimeUnit.SECONDS);
      ba.get(5, TimeUnit.SECONDS);
      await(() -> a.host().connections().size() == 1 && b.host().connections().size() == 1, "one connection each");
      Thread.sleep(300);
      assertEquals(1, a.host().connections().size(), "and it stays one");
      assertTrue(a.peers().duplicatesClosed() + b.peers().duplicatesClosed() >= 1, "the dials crossed: two connections, one closed");
      var kept = a.host().connections().iterator().next();
      assertEquals(kept.direction() == dev.basalt.adapters.p2p.host.Direction.OUTBOUND
          ? dev.basalt.adapters.p2p.host.Direction.INBOUND : dev.basalt.adapters.p2p.host.Direction.OUTBOUND,
          b.host().connections().iterator().next().direction(), "both sides kept the same connection");

      String topic = "/optimism/901/3/blocks";
      await(() -> a.gossip().query(r -> r.meshPeers(topic).size()).join() == 1, "mesh");
      long now = System.currentTimeMillis() / 1000;
      ExecutionPayloadEnvelope block = SignedBlocks.block(CONFIG.rollup(), 5, now, 10_000);
      a.publishBlock(block, SignedBlocks.signature(CONFIG.rollup(), SEQUENCER, block)).get(5, TimeUnit.SECONDS);
      await(() -> sinkB.verdicts.size() == 1, "B's verdict over the surviving connection");
      assertEquals(GossipReason.VALID, sinkB.verdicts.get(0).reason());
    }
  }

  /** A service that accepts the test sequencer's blocks. */
  private static P2pService sequencerSigned() {
    return new P2pService(settings(Optional.of(SEQUENCER.address())), CONFIG.rollup(), System::currentTimeMillis);
  }

  /** Starts {@code service} with {@code sink} as its core, which has seen {@code NodeStarted}. */
  private static void start(P2pService service, CoreSink sink) throws Exception {
    sink.service = service;
    sink.publish(new NodeStarted(CONFIG, System.currentTimeMillis()));
    service.start(sink);
  }
}
