package dev.basalt.adapters.p2p;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.basalt.core.Core;
import dev.basalt.core.CoreConfig;
import dev.basalt.core.NodeMode;
import dev.basalt.core.command.Command;
import dev.basalt.core.command.ResolveGossipMessage;
import dev.basalt.core.config.Fork;
import dev.basalt.core.config.ForkSchedule;
import dev.basalt.core.config.RollupConfig;
import dev.basalt.core.crypto.SigningKey;
import dev.basalt.core.engine.ExecutionPayloadEnvelope;
import dev.basalt.core.event.InputEvent;
import dev.basalt.core.event.NodeStarted;
import dev.basalt.core.p2p.BlockSigning;
import dev.basalt.core.p2p.BlockVersion;
import dev.basalt.core.p2p.GossipMessage;
import dev.basalt.core.p2p.GossipOutcome;
import dev.basalt.core.p2p.GossipReason;
import dev.basalt.core.p2p.PayloadSsz;
import dev.basalt.core.types.Bytes;
import dev.basalt.adapters.p2p.gossip.MessageIds;
import dev.basalt.adapters.p2p.tcp.JsPeer;
import dev.basalt.testdata.gen.TestConfigs;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Basalt's block gossip against js-libp2p's {@code @libp2p/gossipsub} 17 (pinned in src/test/js,
 * script {@code gossip.mjs}), configured as op-node configures its pubsub: StrictNoSign and
 * op-node's message id. Each test runs a fresh Basalt {@link P2pService} whose events go to a real
 * core, and two JS receivers (one yamux, one mplex) connected only to Basalt, so whatever they get
 * came through Basalt's router. Blocks are built and signed here and handed to JS as hex.
 */
class JsGossipInteropTest {
  private static final SigningKey SEQUENCER = SigningKey.fromHex("0x" + "ab".repeat(32));
  private static final long CHAIN_ID = 901;
  private static final AtomicInteger NAMES = new AtomicInteger();
  private static JsPeer js;

  private CoreConfig config;
  private RecordingSink sink;
  private P2pService basalt;
  private String basaltPeer;
  private final List<String> receivers = new ArrayList<>();
  private final Map<String, String> peerIds = new java.util.TreeMap<>();
  private long blockNumber = 10;

  /** The node's ring in miniature, keeping every command the core emitted. */
  static final class RecordingSink implements dev.basalt.adapters.ring.EventSink {
    final Core core = new Core();
    final List<ResolveGossipMessage> verdicts = new CopyOnWriteArrayList<>();
    final List<Command> commands = new CopyOnWriteArrayList<>();
    P2pService service;

    @Override
    public synchronized boolean publish(InputEvent event) {
      for (Command c : core.apply(event)) {
        commands.add(c);
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

  @BeforeAll
  static void startJs() throws Exception {
    js = JsPeer.start("gossip.mjs");
  }

  @AfterAll
  static void stopJs() throws Exception {
    if (js != null) {
      js.close();
    }
  }

  /** A rollup where Isthmus (and later forks) activated ten seconds ago: both v3 and v4 blocks are current. */
  private static RollupConfig rollup(long isthmusTime) {
    RollupConfig base = TestConfigs.rollup(1, CHAIN_ID, 2);
    ForkSchedule.Builder forks = ForkSchedule.builder();
    for (Fork f : Fork.values()) {
      forks.at(f, f.compareTo(Fork.ISTHMUS) < 0 ? 0 : isthmusTime);
    }
    return new RollupConfig(base.l1ChainId(), base.l2ChainId(), base.genesis(), base.blockTimeSeconds(),
        base.maxSequencerDriftSeconds(), base.seqWindowSize(), base.channelTimeoutBedrock(), base.batchInboxAddress(),
        base.depositContractAddress(), base.l1SystemConfigAddress(), forks.build(), base.pectraBlobScheduleTime(),
        base.eip1559(), base.keepKarstUpgradeGas(), base.protocolVersionsAddress(), base.unsupportedFeatures());
  }

  @BeforeEach
  void startBasalt() throws Exception {
    long now = System.currentTimeMillis();
    config = new CoreConfig(rollup(now / 1000 - 10), TestConfigs.l1(1), NodeMode.VALIDATOR);
    sink = new RecordingSink();
    basalt = new P2pService(P2pServiceTest.settings(Optional.of(SEQUENCER.address())), config.rollup(), System::currentTimeMillis);
    sink.service = basalt;
    sink.publish(new NodeStarted(config, now));
    basalt.start(sink);
    basaltPeer = basalt.host().peerId().toString();
    for (String muxer : List.of("yamux", "mplex")) {
      receivers.add(spawnConnected(muxer, true));
    }
    for (String topic : basalt.topics()) {
      await(() -> basalt.gossip().query(r -> r.meshPeers(topic).size()).join() == receivers.size(), "both receivers in Basalt's mesh on " + topic);
    }
  }

  @AfterEach
  void stopBasalt() throws Exception {
    for (String r : receivers) {
      js.call("stop", r, Map.of());
    }
    receivers.clear();
    if (basalt != null) {
      basalt.close();
    }
  }

  /** A JS gossip node on {@code muxer}, dialed to Basalt, once it knows Basalt subscribes to the block topics. */
  private String spawnConnected(String muxer, boolean validator) throws Exception {
    String name = muxer + "-" + NAMES.incrementAndGet();
    // A validating JS peer runs op-node's relay checks against our sequencer's address and chain id.
    JsonNode spawned = js.call("spawn", name, Map.of("muxer", muxer, "topics", List.copyOf(basalt.topics()), "validator", validator,
        "signer", SEQUENCER.address().toString(), "chainId", CHAIN_ID));
    peerIds.put(name, spawned.path("peerId").asText());
    JsonNode dialed = js.call("dial", name, Map.of("addr", basalt.addresses().get(0).toString()));
    assertEquals(basaltPeer, dialed.path("remotePeer").asText());
    assertEquals("/" + muxer + (muxer.equals("yamux") ? "/1.0.0" : "/6.7.0"), dialed.path("muxer").asText());
    String jsPeer = spawned.path("peerId").asText();
    for (String topic : basalt.topics()) {
      await(() -> jsList("subscribers", name, topic, "peers").contains(basaltPeer), name + " sees Basalt on " + topic);
      // JS sends its subscriptions on its own stream to Basalt, right after opening it: until they
      // arrive a publish from JS can find no stream to Basalt and silently reach no one.
      await(() -> basalt.gossip().query(r -> r.topicsOf(jsPeer).contains(topic)).join(), "Basalt sees " + name + " on " + topic);
    }
    return name;
  }

  private List<String> jsList(String cmd, String node, String topic, String field) {
    try {
      List<String> out = new ArrayList<>();
      js.call(cmd, node, Map.of("topic", topic)).path(field).forEach(n -> out.add(n.asText()));
      return out;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static void await(BooleanSupplier condition, String what) throws InterruptedException {
    long deadline = System.currentTimeMillis() + 10_000;
    while (!condition.getAsBoolean()) {
      if (System.currentTimeMillis() > deadline) {
        throw new AssertionError("timed out waiting for " + what + (js == null ? "" : "\njs stderr: " + js.stderr()));
      }
      Thread.sleep(20);
    }
  }

  private ExecutionPayloadEnvelope block(long timestamp, int txBytes) {
    return SignedBlocks.block(config.rollup(), blockNumber++, timestamp, txBytes);
  }

  /** The gossip message for {@code block} signed with {@code key} over {@code chainId}'s signing hash. */
  private Bytes message(ExecutionPayloadEnvelope block, SigningKey key, long chainId) {
    Bytes signed = PayloadSsz.signedBytes(block, version(block));
    return GossipMessage.encode(BlockSigning.sign(key, GossipMessage.signingHash(chainId, signed)), signed);
  }

  private BlockVersion version(ExecutionPayloadEnvelope block) {
    return BlockVersion.at(config.rollup(), block.payload().timestamp());
  }

  private String topic(ExecutionPayloadEnvelope block) {
    return GossipMessage.topic(CHAIN_ID, version(block));
  }

  private static String sha256(Bytes data) throws Exception {
    return Bytes.wrapOwned(MessageDigest.getInstance("SHA-256").digest(data.toArray())).toHex();
  }

  private JsonNode messages(String node) throws Exception {
    return js.call("received", node, Map.of()).path("messages");
  }

  private static Optional<JsonNode> find(JsonNode messages, String sha) {
    for (JsonNode m : messages) {
      if (m.path("sha256").asText().equals(sha)) {
        return Optional.of(m);
      }
    }
    return Optional.empty();
  }

  /** Waits until every receiver got the message and checks topic, data hash and op-node message id. */
  private void assertReceivedByAll(String topic, Bytes data, String from) throws Exception {
    String sha = sha256(data);
    String id = MessageIds.of(MessageIds.Variant.OP_NODE, topic, data.toArray()).toHex();
    for (String r : receivers) {
      await(() -> find(uncheckedMessages(r), sha).isPresent(), r + " receives " + sha);
      JsonNode m = find(messages(r), sha).orElseThrow();
      assertEquals(topic, m.path("topic").asText(), r);
      assertEquals(id, m.path("msgId").asText(), r + ": JS computes op-node's message id as Basalt does");
      assertEquals(from, m.path("from").asText(), r + ": forwarded by Basalt");
      assertEquals("unsigned", m.path("type").asText(), r + ": StrictNoSign, no from/seqno/signature on the wire");
    }
  }

  private List<String> publisherMessages(String node) throws Exception {
    List<String> out = new ArrayList<>();
    messages(node).forEach(m -> out.add(m.path("sha256").asText()));
    return out;
  }

  private JsonNode uncheckedMessages(String node) {
    try {
      return messages(node);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private ResolveGossipMessage verdictFor(int index) throws InterruptedException {
    await(() -> sink.verdicts.size() > index, "Basalt's verdict #" + (index + 1));
    return sink.verdicts.get(index);
  }

  /** The id drives IHAVE/IWANT and duplicate suppression: both sides must compute it alike, also for junk. */
  @Test
  void jsAndBasaltComputeTheSameMessageIds() throws Exception {
    long now = System.currentTimeMillis() / 1000;
    ExecutionPayloadEnvelope b = block(now, 20_000);
    byte[] valid = message(b, SEQUENCER, CHAIN_ID).toArray();
    byte[] random = new byte[1000];
    new java.util.Random(3).nextBytes(random);
    List<byte[]> inputs = List.of(valid, java.util.Arrays.copyOf(valid, valid.length / 2), random, new byte[0], new byte[] {0},
        new byte[] {(byte) 0x80, (byte) 0x80, (byte) 0xc0, 0x05}); // declares 11 MiB: over the limit, hashed raw
    for (byte[] data : inputs) {
      for (String topic : List.of(topic(b), "/optimism/10/0/blocks")) {
        String jsId = js.call("messageId", "", Map.of("topic", topic, "data", Bytes.of(data).toHex())).path("msgId").asText();
        assertEquals(MessageIds.of(MessageIds.Variant.OP_NODE, topic, data).toHex(), jsId, topic + " " + data.length + " bytes");
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"yamux", "mplex"})
  void jsPublishesSignedV3AndV4BlocksThatBasaltAcceptsAndForwards(String muxer) throws Exception {
    String publisher = spawnConnected(muxer, false);
    String publisherPeer = js.call("connections", publisher, Map.of()).path("connections").get(0).path("remotePeer").asText();
    assertEquals(basaltPeer, publisherPeer);
    long now = System.currentTimeMillis() / 1000;
    List<ExecutionPayloadEnvelope> blocks = List.of(block(now - 20, 50_000), block(now, 100_000));
    List<BlockVersion> expected = List.of(BlockVersion.V3, BlockVersion.V4);
    for (int i = 0; i < blocks.size(); i++) {
      ExecutionPayloadEnvelope b = blocks.get(i);
      assertEquals(expected.get(i), version(b));
      Bytes data = message(b, SEQUENCER, CHAIN_ID);
      JsonNode published = js.call("publish", publisher, Map.of("topic", topic(b), "data", data.toHex()));
      assertTrue(published.path("recipients").toString().contains(basaltPeer), published.toString());
      ResolveGossipMessage v = verdictFor(i);
      assertEquals(GossipReason.VALID, v.reason(), v.detail());
      assertEquals(GossipOutcome.ACCEPT, v.outcome());
      assertEquals(expected.get(i).ordinal() + 1, v.topicVersion());
      assertEquals(b.payload().blockHash(), v.block().orElseThrow().hash());
      assertEquals(published.path("msgId").asText(), v.messageId().toHex(), "both sides agree on the message id");
      assertReceivedByAll(topic(b), data, basaltPeer);
    }
    await(() -> basalt.gossip().stats().accepted() == 2, "the router's pending validations resolved");
    assertEquals(List.of(), publisherMessages(publisher), "Basalt does not send a message back to its source");
  }

  @Test
  void basaltPublishesABlockBothJsMuxersReceive() throws Exception {
    long now = System.currentTimeMillis() / 1000;
    ExecutionPayloadEnvelope b = block(now, 100_000);
    Bytes id = basalt.publishBlock(b, SignedBlocks.signature(config.rollup(), SEQUENCER, b)).get(5, TimeUnit.SECONDS);
    Bytes data = message(b, SEQUENCER, CHAIN_ID);
    assertEquals(MessageIds.of(MessageIds.Variant.OP_NODE, topic(b), data.toArray()), id);
    assertReceivedByAll(topic(b), data, basaltPeer);
    for (String r : receivers) {
      JsonNode validations = js.call("validations", r, Map.of()).path("validations");
      assertEquals("accept", find(validations, sha256(data)).orElseThrow().path("result").asText(), r);
    }
  }

  /** Messages Basalt's core must refuse, each from a fresh JS peer (a single reject gets its sender banned). */
  enum Bad {
    BAD_SIGNATURE(GossipReason.SIGNATURE_INVALID),
    FOREIGN_KEY(GossipReason.WRONG_SIGNER),
    STALE(GossipReason.TOO_OLD),
    OTHER_CHAIN(GossipReason.WRONG_SIGNER);

    final GossipReason reason;

    Bad(GossipReason reason) {
      this.reason = reason;
    }
  }

  /** A message and the topic it belongs on. */
  private record Gossip(String topic, Bytes data) {}

  private Gossip badMessage(Bad bad, long now) {
    ExecutionPayloadEnvelope b = block(bad == Bad.STALE ? now - 90 : now, 10_000);
    Bytes data = switch (bad) {
      case BAD_SIGNATURE -> {
        byte[] sig = SignedBlocks.signature(config.rollup(), SEQUENCER, b).toArray();
        sig[64] = 4; // no recovery id 4: the signature cannot recover a key
        yield GossipMessage.encode(Bytes.wrapOwned(sig), PayloadSsz.signedBytes(b, version(b)));
      }
      case FOREIGN_KEY -> message(b, SigningKey.fromHex("0x" + "cd".repeat(32)), CHAIN_ID);
      case STALE -> message(b, SEQUENCER, CHAIN_ID);
      case OTHER_CHAIN -> message(b, SEQUENCER, CHAIN_ID + 1);
    };
    return new Gossip(topic(b), data);
  }

  @ParameterizedTest
  @EnumSource(Bad.class)
  void basaltRejectsBadBlocksAndDoesNotForwardThem(Bad kind) throws Exception {
    String muxer = kind.ordinal() % 2 == 0 ? "yamux" : "mplex";
    String publisher = spawnConnected(muxer, false);
    String publisherPeer = js.call("connections", publisher, Map.of()).path("connections").get(0).path("remotePeer").asText();
    assertEquals(basaltPeer, publisherPeer);
    long now = System.currentTimeMillis() / 1000;
    Gossip bad = badMessage(kind, now);
    Bytes data = bad.data();
    JsonNode published = js.call("publish", publisher, Map.of("topic", bad.topic(), "data", data.toHex()));
    assertTrue(published.path("recipients").toString().contains(basaltPeer), published.toString());
    ResolveGossipMessage v = verdictFor(0);
    assertEquals(kind.reason, v.reason(), v.detail());
    assertEquals(GossipOutcome.REJECT, v.outcome());
    assertEquals(peerIds.get(publisher), v.peerId());
    await(() -> basalt.bans().isBlocked(peerIds.get(publisher)), "the sender banned (one invalid message scores below -100)");
    await(() -> basalt.gossip().stats().rejected() == 1, "the router's pending validation rejected");

    // Basalt's next message to each receiver goes out on the same stream after any forward of the bad one.
    ExecutionPayloadEnvelope sentinel = block(now, 1_000);
    basalt.publishBlock(sentinel, SignedBlocks.signature(config.rollup(), SEQUENCER, sentinel)).get(5, TimeUnit.SECONDS);
    assertReceivedByAll(topic(sentinel), message(sentinel, SEQUENCER, CHAIN_ID), basaltPeer);
    for (String r : receivers) {
      assertFalse(find(messages(r), sha256(data)).isPresent(), r + " got the rejected message");
      assertFalse(find(js.call("validations", r, Map.of()).path("validations"), sha256(data)).isPresent(),
          r + " was offered the rejected message");
    }
    js.call("stop", publisher, Map.of());
  }

  /** Blocks Basalt publishes that a JS peer running op-node's checks must refuse, with the JS validator's reason. */
  enum BadOutgoing {
    BAD_SIGNATURE("signature"),
    FOREIGN_KEY("wrong-signer"),
    STALE("too-old"),
    OTHER_CHAIN("wrong-signer");

    final String jsReason;

    BadOutgoing(String jsReason) {
      this.jsReason = jsReason;
    }
  }

  @ParameterizedTest
  @EnumSource(BadOutgoing.class)
  void jsValidatorsRejectBadBlocksBasaltPublishes(BadOutgoing kind) throws Exception {
    long now = System.currentTimeMillis() / 1000;
    ExecutionPayloadEnvelope b = block(kind == BadOutgoing.STALE ? now - 90 : now, 10_000);
    Bytes signed = PayloadSsz.signedBytes(b, version(b));
    Bytes signature = switch (kind) {
      case BAD_SIGNATURE -> {
        byte[] sig = SignedBlocks.signature(config.rollup(), SEQUENCER, b).toArray();
        sig[64] = 4; // no such recovery id
        yield Bytes.wrapOwned(sig);
      }
      case FOREIGN_KEY -> BlockSigning.sign(SigningKey.fromHex("0x" + "cd".repeat(32)), GossipMessage.signingHash(CHAIN_ID, signed));
      case STALE -> SignedBlocks.signature(config.rollup(), SEQUENCER, b);
      case OTHER_CHAIN -> BlockSigning.sign(SEQUENCER, GossipMessage.signingHash(CHAIN_ID + 1, signed));
    };
    basalt.publishBlock(b, signature).get(5, TimeUnit.SECONDS);
    String sha = sha256(GossipMessage.encode(signature, signed));
    for (String r : receivers) {
      await(() -> find(uncheckedValidations(r), sha).isPresent(), r + " validates the " + kind + " block");
      JsonNode v = find(uncheckedValidations(r), sha).get();
      assertEquals("reject", v.path("result").asText(), r);
      assertEquals(kind.jsReason, v.path("reason").asText(), r);
      assertFalse(find(messages(r), sha).isPresent(), r + " delivered a rejected message");
    }
  }

  @Test
  void jsValidatorRejectsABasaltPublishedBlockWithoutASignature() throws Exception {
    long now = System.currentTimeMillis() / 1000;
    ExecutionPayloadEnvelope b = block(now, 10_000);
    Bytes unsigned = Bytes.wrapOwned(new byte[65]);
    basalt.publishBlock(b, unsigned).get(5, TimeUnit.SECONDS);
    Bytes data = GossipMessage.encode(unsigned, PayloadSsz.signedBytes(b, version(b)));
    String sha = sha256(data);
    for (String r : receivers) {
      await(() -> find(uncheckedValidations(r), sha).isPresent(), r + " validates the unsigned block");
      assertEquals("reject", find(uncheckedValidations(r), sha).get().path("result").asText(), r);
      assertFalse(find(messages(r), sha).isPresent(), r + " delivered a rejected message");
    }
  }

  private JsonNode uncheckedValidations(String node) {
    try {
      return js.call("validations", node, Map.of()).path("validations");
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
