package dev.basalt.adapters.p2p;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.basalt.adapters.ring.EventSink;
import dev.basalt.core.Core;
import dev.basalt.core.CoreConfig;
import dev.basalt.core.NodeMode;
import dev.basalt.core.command.Command;
import dev.basalt.core.command.ResolveGossipMessage;
import dev.basalt.core.command.ScheduleWakeup;
import dev.basalt.core.command.SendNewPayload;
import dev.basalt.core.config.Fork;
import dev.basalt.core.config.ForkSchedule;
import dev.basalt.core.crypto.SigningKey;
import dev.basalt.core.engine.ExecutionPayloadEnvelope;
import dev.basalt.core.event.InputEvent;
import dev.basalt.core.event.NodeStarted;
import dev.basalt.core.heads.SyncStatus;
import dev.basalt.core.p2p.BlockSigning;
import dev.basalt.core.p2p.BlockVersion;
import dev.basalt.core.p2p.GossipMessage;
import dev.basalt.core.p2p.GossipReason;
import dev.basalt.core.types.Bytes;
import dev.basalt.core.types.Hash32;
import dev.basalt.adapters.p2p.tcp.JsPeer;
import dev.basalt.testdata.world.SimWorld;
import dev.basalt.testdata.world.SimWorldConfig;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/**
 * Real L2 blocks gossiped by js-libp2p peers all the way into the engine: a {@link SimWorld}
 * sequences a chain across the Isthmus activation (v3 then v4 topics), two JS peers (yamux and
 * mplex) publish its blocks signed by the unsafe-block signer, Basalt's core accepts each, sends it
 * to the (simulated) engine as a new payload and its unsafe head follows the true chain. The node's
 * clock is the world's, shifted to now, so the blocks are current for the timestamp rule.
 */
class JsGossipEngineInteropTest {
  private static final SigningKey SEQUENCER = SigningKey.fromHex("0x" + "ab".repeat(32));
  private static final long ISTHMUS_AFTER_SECONDS = 20;
  private static final int BLOCKS = 12;

  /** The ring in miniature: events to a core, world-facing commands answered by the world at once. */
  static final class WorldSink implements EventSink {
    final Core core = new Core();
    final SimWorld world;
    final List<ResolveGossipMessage> verdicts = new CopyOnWriteArrayList<>();
    final List<Command> commands = new CopyOnWriteArrayList<>();
    P2pService service;

    WorldSink(SimWorld world) {
      this.world = world;
    }

    @Override
    public synchronized boolean publish(InputEvent event) {
      ArrayDeque<InputEvent> queue = new ArrayDeque<>(List.of(event));
      while (!queue.isEmpty()) {
        for (Command c : core.apply(queue.poll())) {
          commands.add(c);
          if (c instanceof ResolveGossipMessage v) {
            verdicts.add(v);
            service.gossipPort().resolve(v);
          } else if (!(c instanceof ScheduleWakeup)) {
            queue.addAll(world.handle(c));
          }
        }
        if (!core.haltReason().isEmpty()) {
          throw new IllegalStateException("core halted: " + core.haltReason());
        }
      }
      return true;
    }

    @Override
    public boolean tryPublish(InputEvent event) {
      return publish(event);
    }

    synchronized SyncStatus status() {
      return core.syncStatus();
    }
  }

  private static SimWorld world() {
    SimWorldConfig d = SimWorldConfig.defaults(7);
    ForkSchedule.Builder forks = ForkSchedule.builder();
    for (Fork f : Fork.values()) {
      forks.at(f, d.genesisTime() + (f.compareTo(Fork.ISTHMUS) < 0 ? 0 : ISTHMUS_AFTER_SECONDS));
    }
    return SimWorld.create(new SimWorldConfig(d.seed(), d.l1ChainId(), d.l2ChainId(), d.genesisTime(), d.l1BlockSeconds(),
        d.l2BlockSeconds(), forks.build(), d.l1Forks(), d.sequencer(), d.batcher(), d.batchEveryL1Blocks(), d.depositChance(),
        d.configUpdateChance(), d.fillerTxsMax(), d.l2GasLimit(), d.seqWindowSize(), d.maxSequencerDriftSeconds(), false));
  }

  private static void await(BooleanSupplier condition, String what, JsPeer js) throws InterruptedException {
    long deadline = System.currentTimeMillis() + 10_000;
    while (!condition.getAsBoolean()) {
      if (System.currentTimeMillis() > deadline) {
        throw new AssertionError("timed out waiting for " + what + "\njs stderr: " + js.stderr());
      }
      Thread.sleep(20);
    }
  }

  @Test
  void gossipedBlocksFromJsPeersExtendTheUnsafeChainThroughTheEngine() throws Exception {
    try (JsPeer js = JsPeer.start("gossip.mjs")) {
      gossipTheWorldsChain(js);
    }
  }

  private void gossipTheWorldsChain(JsPeer js) throws Exception {
    SimWorld world = world();
    long genesis = world.config().genesisTime();
    CoreConfig config = world.coreConfig(NodeMode.VALIDATOR);
    WorldSink sink = new WorldSink(world);
    sink.publish(new NodeStarted(config, genesis * 1000));
    world.l1Observations().forEach(sink::publish);
    assertEquals(0, sink.status().unsafeL2().number(), "the node starts at genesis");
    long headTime = genesis + 2 * (BLOCKS + 2);
    world.advanceTo(headTime);
    long offsetMillis = System.currentTimeMillis() - headTime * 1000;

    try (P2pService basalt = new P2pService(P2pServiceTest.settings(Optional.of(SEQUENCER.address())), config.rollup(),
            () -> System.currentTimeMillis() - offsetMillis)) {
      sink.service = basalt;
      basalt.start(sink);
      String basaltPeer = basalt.host().peerId().toString();
      List<String> publishers = new ArrayList<>();
      for (String muxer : List.of("yamux", "mplex")) {
        String name = "engine-" + muxer;
        String jsPeer = js.call("spawn", name, Map.of("muxer", muxer, "topics", List.copyOf(basalt.topics()), "validator", false))
            .path("peerId").asText();
        assertEquals(basaltPeer, js.call("dial", name, Map.of("addr", basalt.addresses().get(0).toString())).path("remotePeer").asText());
        for (String topic : basalt.topics()) {
          await(() -> call(js, "subscribers", name, topic).toString().contains(basaltPeer), name + " sees Basalt on " + topic, js);
          // JS's own stream to Basalt carries its subscriptions: once Basalt has them, a publish reaches it
          await(() -> basalt.gossip().query(r -> r.topicsOf(jsPeer).contains(topic)).join(), "Basalt sees " + name + " on " + topic, js);
        }
        publishers.add(name);
      }

      List<Hash32> expected = new ArrayList<>();
      for (int n = 1; n <= BLOCKS; n++) {
        ExecutionPayloadEnvelope block = world.trueChain().block(n).orElseThrow().envelope();
        BlockVersion version = BlockVersion.at(config.rollup(), block.payload().timestamp());
        assertEquals(block.payload().timestamp() < genesis + ISTHMUS_AFTER_SECONDS ? BlockVersion.V3 : BlockVersion.V4, version);
        Bytes signed = GossipMessage.signedBytes(config.rollup(), block);
        Bytes data = GossipMessage.encode(BlockSigning.sign(SEQUENCER, GossipMessage.signingHash(config.rollup().l2ChainId(), signed)), signed);
        JsonNode published = js.call("publish", publishers.get(n % 2),
            Map.of("topic", GossipMessage.topic(config.rollup().l2ChainId(), version), "data", data.toHex()));
        assertTrue(published.path("recipients").toString().contains(basaltPeer), published.toString());
        int index = n - 1;
        await(() -> sink.verdicts.size() > index, "the verdict on block " + n, js);
        ResolveGossipMessage v = sink.verdicts.get(index);
        assertEquals(GossipReason.VALID, v.reason(), "block " + n + ": " + v.detail());
        assertEquals(version.ordinal() + 1, v.topicVersion());
        expected.add(block.payload().blockHash());
        long number = n;
        await(() -> sink.status().unsafeL2().number() == number, "the unsafe head at block " + n, js);
        assertEquals(world.trueChain().block(n).orElseThrow().ref(), sink.status().unsafeL2());
      }
      List<Hash32> sent = sink.commands.stream().filter(SendNewPayload.class::isInstance)
          .map(c -> ((SendNewPayload) c).envelope().payload().blockHash()).toList();
      assertEquals(expected, sent, "each gossiped block went to the engine once, in order");
      assertTrue(sink.status().safeL2().number() == 0, "nothing derived: the blocks came by gossip only");
    }
  }

  private static JsonNode call(JsPeer js, String cmd, String node, String topic) {
    try {
      return js.call(cmd, node, Map.of("topic", topic)).path("peers");
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
