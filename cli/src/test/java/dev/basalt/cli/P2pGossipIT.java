package dev.basalt.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.basalt.adapters.engine.JwtSecret;
import dev.basalt.cli.devnet.EngineHttpServer;
import dev.basalt.cli.flags.SequencerSettings;
import dev.basalt.core.CoreConfig;
import dev.basalt.core.NodeMode;
import dev.basalt.core.SequencerConfig;
import dev.basalt.core.SyncMode;
import dev.basalt.core.crypto.SigningKey;
import dev.basalt.core.engine.L2BlockSelector;
import dev.basalt.core.p2p.GossipReason;
import dev.basalt.core.types.Hash32;
import dev.basalt.core.types.L2BlockRef;
import dev.basalt.testdata.world.SimWorld;
import dev.basalt.testdata.world.engine.EngineResponder;
import dev.basalt.testdata.world.engine.FakeEngine;
import dev.basalt.testdata.world.http.L1HttpServer;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two Basalt nodes over loopback P2P, each over its real adapters against its own engine: A
 * sequences and signs (its blocks go out on the block topic), B validates and has A as static peer
 * (no discovery). No batches are ever posted, so the only way B's unsafe head can move past its safe
 * head (genesis) is gossip: B's core checks each block (signer read from the L1 SystemConfig's
 * storage, no {@code --p2p.unsafe.block.signer}) and inserts it, and B's chain is A's, hash for hash. The P2P stacks are
 * built from {@code basalt node}'s own {@code --p2p.*} flags.
 */
@Tag("slow")
class P2pGossipIT {
  private static final JwtSecret SECRET = JwtSecret.generate();
  private static final String SEQUENCER_KEY = "ac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80";

  @TempDir Path dir;
  private final LiveWorldResources live = new LiveWorldResources();
  private final HttpNodeHarness.Halt halt = new HttpNodeHarness.Halt();

  @AfterEach
  void close() throws Exception {
    live.close();
  }

  private <T extends AutoCloseable> T opened(T c) {
    return live.opened(c);
  }

  @Test
  void theValidatorsUnsafeHeadFollowsTheSequencersGossipedBlocks() throws Exception {
    long genesis = System.currentTimeMillis() / 1000 - 2;
    SimWorld world = live.silentBatcherWorld(31, genesis);
    SigningKey key = SigningKey.fromHex(SEQUENCER_KEY);
    world.initialUnsafeBlockSigner(key.address()); // the L1 SystemConfig names A's key: B learns it from L1, no flag
    L1HttpServer l1 = opened(L1HttpServer.start(world));
    FakeEngine engineA = new FakeEngine(world.rollupConfig(), world.nodeEngine().genesis());
    FakeEngine engineB = new FakeEngine(world.rollupConfig(), world.nodeEngine().genesis());
    CoreConfig sequencing = new CoreConfig(world.rollupConfig(), world.l1ChainConfig(), NodeMode.SEQUENCER, SyncMode.CONSENSUS_LAYER, 0,
        new SequencerConfig(0, 50, 0, false, false, false, false));
    CoreConfig validating = new CoreConfig(world.rollupConfig(), world.l1ChainConfig(), NodeMode.VALIDATOR);

    NodeP2p p2pA = NodeP2p.create(p2pFlags(dir.resolve("a-p2p"), "--p2p.no-discovery"), world.rollupConfig(), List.of(),
        dir.resolve("a-p2p"));
    SequencerNodeHarness a = node("a", world, l1, engineA, sequencing,
        new SequencerSettings(Optional.of(key), Optional.empty(), Optional.empty()), p2pA);
    String addressOfA = p2pA.service().addresses().get(0).toString();
    NodeP2p p2pB = NodeP2p.create(p2pFlags(dir.resolve("b-p2p"), "--p2p.no-discovery", "--p2p.static", addressOfA),
        world.rollupConfig(), List.of(), dir.resolve("b-p2p"));
    SequencerNodeHarness b = node("b", world, l1, engineB, validating, SequencerSettings.NONE, p2pB);

    HttpNodeHarness.await(() -> b.node.status().current().unsafeL2().number() >= 3, 60, "B's unsafe head at 3 by gossip",
        () -> status(a) + " / " + status(b), halt);
    L2BlockRef unsafe = b.node.status().current().unsafeL2();
    L2BlockRef safe = b.node.status().current().safeL2();
    assertEquals(0, safe.number(), "no batches: B's safe head stays at genesis");
    assertTrue(unsafe.number() > safe.number());
    for (long n = 1; n <= unsafe.number(); n++) {
      long number = n; // A gossips a block as it seals it, so its own fork choice may make it canonical a moment later
      HttpNodeHarness.await(() -> engineA.block(new L2BlockSelector.ByNumber(number)).isPresent(), 10, "A's block " + n + " canonical",
          () -> status(a), halt);
      Optional<Hash32> atA = engineA.block(new L2BlockSelector.ByNumber(n)).map(e -> e.payload().blockHash());
      Optional<Hash32> atB = engineB.block(new L2BlockSelector.ByNumber(n)).map(e -> e.payload().blockHash());
      assertTrue(atA.isPresent(), "A sequenced " + n);
      assertEquals(atA, atB, "B holds A's block " + n);
    }
    assertTrue(p2pB.service().metrics().count(GossipReason.VALID) >= 3, "B's core accepted the gossiped blocks");
    assertTrue(p2pA.service().metrics().publishedBlocks() >= 3, "A published its blocks");
    payloadByNumber(p2pA, p2pB, world.rollupConfig(), engineA.block(new L2BlockSelector.ByNumber(2)).orElseThrow().payload().blockHash());
    opp2pMethods(a, b, p2pA);
  }

  /** B asks A for block 2 over payload_by_number (kona's spelling): A's engine serves it, SSZ-encoded, framed snappy. */
  private static void payloadByNumber(NodeP2p a, NodeP2p b, dev.basalt.core.config.RollupConfig rollup, Hash32 expected)
      throws Exception {
    java.util.concurrent.CompletableFuture<byte[]> answer = new java.util.concurrent.CompletableFuture<>();
    java.io.ByteArrayOutputStream got = new java.io.ByteArrayOutputStream();
    String protocol = dev.basalt.adapters.p2p.reqresp.PayloadByNumberServer.protocolIds(rollup.l2ChainId()).get(1);
    b.service().host().newStream(a.service().host().peerId(), List.of(protocol), new dev.basalt.adapters.p2p.host.StreamHandler() {
      @Override
      public synchronized void onData(dev.basalt.adapters.p2p.host.Stream s, byte[] data) {
        got.writeBytes(data);
      }

      @Override
      public synchronized void onRemoteClosed(dev.basalt.adapters.p2p.host.Stream s) {
        answer.complete(got.toByteArray());
        s.closeWrite();
      }
    }).thenAccept(s -> {
      s.write(new byte[] {2, 0, 0, 0, 0, 0, 0, 0});
      s.closeWrite();
    });
    byte[] bytes = answer.get(10, java.util.concurrent.TimeUnit.SECONDS);
    assertEquals(0, bytes[0], "success");
    var layout = dev.basalt.core.p2p.BlockVersion.at(rollup, rollup.l2TimestampAt(2));
    byte[] body = dev.basalt.adapters.p2p.reqresp.SnappyFramed.decode(java.util.Arrays.copyOfRange(bytes, 5, bytes.length), 10 << 20);
    var decoded = (dev.basalt.core.p2p.PayloadSszDecoder.Decoded) dev.basalt.core.p2p.PayloadSszDecoder.decode(body, layout);
    assertEquals(expected, decoded.envelope().payload().blockHash());
    assertTrue(dev.basalt.core.block.PayloadHeader.hashMatches(rollup, decoded.envelope()), "the served block's hash recomputes");
  }

  /** op-node's opp2p_* shapes on the validator's RPC server. */
  private static void opp2pMethods(SequencerNodeHarness a, SequencerNodeHarness b, NodeP2p p2pA) throws Exception {
    var json = new com.fasterxml.jackson.databind.ObjectMapper();
    String idA = p2pA.service().host().peerId().toString();
    var stats = json.readTree(result(b.call("opp2p_peerStats")));
    assertEquals(1, stats.get("connected").asInt(), stats.toString());
    assertEquals(1, stats.get("blocksTopicV4").asInt() + stats.get("blocksTopicV3").asInt() + stats.get("blocksTopicV2").asInt()
        + stats.get("blocksTopic").asInt() > 0 ? 1 : 0, "A is in one of B's block-topic meshes: " + stats);
    var self = json.readTree(result(a.call("opp2p_self")));
    assertEquals(idA, self.get("peerID").asText());
    var peers = json.readTree(result(b.call("opp2p_peers", "true")));
    assertEquals(1, peers.get("totalConnected").asInt());
    assertTrue(peers.get("peers").has(idA), peers.toString());
    assertEquals(2, peers.get("peers").get(idA).get("direction").asInt(), "B dialed A: outbound");
    assertEquals("[]", result(b.call("opp2p_listBlockedPeers")));
    assertEquals("null", result(b.call("opp2p_blockPeer", "\"" + idA + "\"")));
    assertEquals("[\"" + idA + "\"]", result(b.call("opp2p_listBlockedPeers")));
    HttpNodeHarness.await(() -> !b.services.p2pConnected(idA), 10, "B drops the blocked peer", () -> "", new HttpNodeHarness.Halt());
    assertEquals("null", result(b.call("opp2p_unblockPeer", "\"" + idA + "\"")));
    assertEquals("[]", result(b.call("opp2p_discoveryTable")), "no discovery in this test");
    assertEquals("null", result(b.call("opp2p_protectPeer", "\"" + idA + "\"")));
    HttpNodeHarness.await(() -> b.services.p2pConnected(idA), 10, "B redials its static peer A once unblocked", () -> "",
        new HttpNodeHarness.Halt());
    var protectedPeers = json.readTree(result(b.call("opp2p_peers", "true")));
    assertTrue(protectedPeers.get("peers").get(idA).get("protected").asBoolean(), protectedPeers.toString());
    assertEquals("null", result(b.call("opp2p_unprotectPeer", "\"" + idA + "\"")));
    assertEquals("null", result(b.call("opp2p_blockSubnet", "\"10.1.0.0/16\"")));
    assertEquals("[\"10.1.0.0/16\"]", result(b.call("opp2p_listBlockedSubnets")));
    assertEquals("null", result(b.call("opp2p_unblockSubnet", "\"10.1.0.0/16\"")));
    assertEquals("[]", result(b.call("opp2p_listBlockedSubnets")));
    var bad = b.call("opp2p_blockSubnet", "\"10.1.0.0\"");
    assertTrue(bad instanceof dev.basalt.adapters.engine.RpcOutcome.ErrorObject e && e.message().contains("bad subnet"), bad.toString());
  }

  private static String result(dev.basalt.adapters.engine.RpcOutcome outcome) {
    assertTrue(outcome instanceof dev.basalt.adapters.engine.RpcOutcome.Result, () -> "expected a result, got " + outcome);
    return ((dev.basalt.adapters.engine.RpcOutcome.Result) outcome).value().toString();
  }

  /** {@code basalt node}'s P2P settings for a loopback node with its key file in {@code dataDir} (beside the journal's: a new journal wants an empty directory). */
  private static dev.basalt.cli.flags.P2pNodeSettings p2pFlags(Path dataDir, String... more) {
    List<String> args = new ArrayList<>(List.of("--p2p.listen.ip", "127.0.0.1", "--p2p.listen.tcp", "0", "--p2p.listen.udp", "0",
        "--p2p.priv.path", dataDir.resolve(NodeP2p.KEY_FILE).toString()));
    args.addAll(List.of(more));
    return NodeSettingsTest.settings(NodeSettingsTest.BASE_ENV, args.toArray(String[]::new)).p2p();
  }

  private SequencerNodeHarness node(String name, SimWorld world, L1HttpServer l1, FakeEngine engine, CoreConfig config,
      SequencerSettings settings, NodeP2p p2p) throws Exception {
    EngineHttpServer engineServer = opened(EngineHttpServer.start(new EngineResponder(engine), world.rollupConfig().l2ChainId(), engine,
        SECRET, 0));
    return opened(SequencerNodeHarness.start(dir.resolve(name), config, URI.create(l1.url()), engineServer.url(), SECRET, settings,
        Optional.of(p2p), halt));
  }

  private static String status(SequencerNodeHarness n) {
    return n.node.status().current().unsafeL2() + " safe " + n.node.status().current().safeL2().number();
  }
}
