package dev.basalt.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.basalt.adapters.beacon.BeaconOptions;
import dev.basalt.adapters.engine.EngineClientOptions;
import dev.basalt.adapters.engine.JsonRpcClient;
import dev.basalt.adapters.engine.JwtSecret;
import dev.basalt.adapters.engine.JwtSource;
import dev.basalt.adapters.http.RetryPolicy;
import dev.basalt.adapters.l1.L1AdapterOptions;
import dev.basalt.adapters.node.NodeRuntime;
import dev.basalt.adapters.ring.RingPolicy;
import dev.basalt.adapters.safedb.FileSafeHeadStore;
import dev.basalt.cli.devnet.EngineHttpServer;
import dev.basalt.core.CoreConfig;
import dev.basalt.core.NodeMode;
import dev.basalt.core.engine.L2BlockSelector;
import dev.basalt.core.event.EngineResponseReceived;
import dev.basalt.core.event.L1BlockFetched;
import dev.basalt.core.event.RequestFailed;
import dev.basalt.core.heads.SyncStatus;
import dev.basalt.core.types.L2BlockRef;
import dev.basalt.journal.InputRecord;
import dev.basalt.journal.Journal;
import dev.basalt.journal.JournalOptions;
import dev.basalt.journal.Journals;
import dev.basalt.testdata.world.DevWorld;
import dev.basalt.testdata.world.SimWorld;
import dev.basalt.testdata.world.http.L1HttpServer;
import dev.basalt.testdata.world.l1.DerivationView;
import dev.basalt.testdata.world.l1.RollupAddresses;
import dev.basalt.testdata.world.rollup.TrueBlock;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The node in this JVM over its real adapters ({@link NodeAdapters}) against the world's HTTP
 * front-ends, the world's clock driven by the test. What the wiring guarantees whatever the core
 * asks: every L1 block the node journals is exactly the block the world has, the engine answers
 * arrive, nothing fails; and the validator's own results over HTTP only: the derived safe head,
 * the engine's chain equal to the true chain, and a restart that resumes.
 */
@Tag("slow")
class NodeOverHttpIT {
  private static final long GENESIS = 1_700_000_000L;
  private static final JwtSecret SECRET = JwtSecret.generate();

  @TempDir Path dir;

  /** What the node reports, for failure messages of the static await. */
  private static final ThreadLocal<java.util.function.Supplier<String>> NODE_STATUS = new ThreadLocal<>();

  private SimWorld world;
  private L1HttpServer l1;
  private EngineHttpServer engine;
  private NodeRuntime node;
  private NodeServices services;

  @BeforeEach
  void services() throws Exception {
    NODE_STATUS.set(() -> node == null ? "stopped" : node.status().current().toString());
    world = SimWorld.create(DevWorld.config(DevWorld.L2_CHAIN_ID, GENESIS, 2));
    l1 = L1HttpServer.start(world);
    engine = EngineHttpServer.start(world, SECRET, 0);
  }

  @AfterEach
  void stop() {
    if (services != null) {
      services.close();
    }
    if (node != null) {
      node.close();
    }
    engine.close();
    l1.close();
  }

  private NodeRuntime startNode() {
    // Derive 4 blocks behind the L1 head, where the world's L1 safe label sits: the expected safe
    // head is computed at that label, so a node deriving up to the head could run ahead of it.
    CoreConfig base = world.coreConfig(NodeMode.VALIDATOR);
    CoreConfig config = new CoreConfig(base.rollup(), base.l1(), base.mode(), base.syncMode(), 4);
    Journal journal = NodeRun.openJournal(dir, config, JournalOptions.defaults());
    JsonRpcClient client = JsonRpcClient.of(EngineClientOptions.of(engine.url(), new JwtSource.Given(SECRET))
        .withTimeout(Duration.ofSeconds(10)));
    NodeRun.handshake(client, engine.url());
    URI url = URI.create(l1.url());
    L1AdapterOptions options = new L1AdapterOptions(url, false, 100, 400, 20, 4, 10_000, RetryPolicy.DEFAULT, BeaconOptions.of(url));
    FileSafeHeadStore safeHeads = NodeRun.openSafeHeads(dir);
    services = NodeServices.onFreePorts();
    services.prepare(config.rollup(), safeHeads, JsonRpcClient.of(EngineClientOptions.of(engine.url(), new JwtSource.Given(SECRET))));
    NodeRuntime started = NodeRuntime.start(new NodeRuntime.Options(new RingPolicy(1 << 12, 100, 10_000, false), 100), config, journal,
        Journals.snapshots(dir), new NodeAdapters.Factory(options, client, engine.url(), config.rollup(), safeHeads, services),
        (reason, cause) -> {
          throw new AssertionError("node halted: " + reason, cause);
        });
    services.started(started);
    return started;
  }

  private void advance(long seconds) {
    synchronized (world) {
      world.advanceTo(world.nowSeconds() + seconds);
    }
  }

  private static void await(BooleanSupplier condition, String what) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("not reached in 60 s: " + what + (NODE_STATUS.get() == null ? "" : "; node: " + NODE_STATUS.get().get()));
      }
      Thread.sleep(20);
    }
  }

  private List<InputRecord> journaled() {
    node.close();
    List<InputRecord> inputs = NodeProcess.inputs(dir);
    node = null;
    return inputs;
  }

  @Test
  void theNodeJournalsTheWorldsL1BlocksAndEngineAnswersFetchedOverHttp() throws Exception {
    node = startNode();
    for (int step = 0; step < 10; step++) {
      advance(4);
      long head = world.l1().chain().head().number();
      await(() -> node.status().current().headL1().number() == head, "the node sees L1 head " + head);
    }
    await(() -> engine.calls() > 2, "engine calls beyond the handshake");
    List<InputRecord> inputs = journaled();
    RollupAddresses addresses = RollupAddresses.of(world.rollupConfig());
    long fetched = 0;
    for (InputRecord r : inputs) {
      if (r.event() instanceof L1BlockFetched f) {
        var truth = world.l1().chain().byNumber(f.block().ref().number()).orElseThrow();
        assertEquals(DerivationView.of(truth, addresses), f.block(), "L1 block " + truth.number() + " as the world has it");
        fetched++;
      }
    }
    assertTrue(fetched >= 10, "L1 blocks fetched: " + fetched);
    assertTrue(inputs.stream().anyMatch(r -> r.event() instanceof EngineResponseReceived), "engine answers journaled");
    // Requests cut short by the node's own shutdown are answered as failures (every request is
    // answered once); anything else failing means a broken front-end or adapter.
    assertEquals(List.of(), inputs.stream().filter(r -> r.event() instanceof RequestFailed f && !f.detail().contains("adapter clos") && !f.detail().contains("client is closing"))
        .map(r -> r.event().toString()).toList());
  }

  /** The world's true block at the world's L1 safe head, as the node should report its safe head. */
  private L2BlockRef expectedSafe() {
    synchronized (world) {
      TrueBlock b = world.trueChain().safeHeadAt(world.l1().chain().safe().number(), world.l1().chain());
      return b.ref();
    }
  }

  @Test
  // Checks that over HTTP only (L1 JSON-RPC, beacon blobs, Engine API) the validator derives the world's true
  // chain through Ecotone blobs and Holocene (14 minutes of devnet time): its safe head reaches the true
  // block at the world's L1 safe head, every block the world's engine then holds on its canonical chain is
  // the true block hash for hash, and the safe-head database maps the L1 safe block to that safe head
  void theValidatorDerivesTheWorldsChainOverHttp() throws Exception {
    node = startNode();
    for (int step = 0; step < 7 * 60; step++) {
      advance(2);
      Thread.sleep(5);
    }
    L2BlockRef expected = expectedSafe();
    await(() -> node.status().current().safeL2().equals(expected), "safe head " + expected);
    SyncStatus status = node.status().current();
    for (long n = 0; n <= status.unsafeL2().number(); n++) {
      long number = n;
      var held = world.nodeEngine().block(new L2BlockSelector.ByNumber(number)).orElseThrow();
      assertEquals(world.trueChain().block(number).orElseThrow().envelope(), held, "L2 block " + number);
    }
    // The node's own JSON-RPC server reports the same, op-node-shaped.
    var http = java.net.http.HttpClient.newHttpClient();
    java.util.function.Function<String, com.fasterxml.jackson.databind.JsonNode> rpc = body -> {
      try {
        var r = http.send(java.net.http.HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + services.rpcListenPort() + "/"))
            .header("content-type", "application/json").POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)).build(),
            java.net.http.HttpResponse.BodyHandlers.ofString());
        return new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.body()).get("result");
      } catch (Exception e) {
        throw new AssertionError(e);
      }
    };
    var synced = rpc.apply("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"optimism_syncStatus\"}");
    assertEquals(expected.hash().toHex(), synced.get("safe_l2").get("hash").asText());
    assertEquals(expected.l1Origin().number(), synced.get("safe_l2").get("l1origin").get("number").asLong());
    long l1Safe = world.l1().chain().safe().number();
    var safeAt = rpc.apply("{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"optimism_safeHeadAtL1Block\",\"params\":[\"0x"
        + Long.toHexString(l1Safe) + "\"]}");
    assertEquals(expected.hash().toHex(), safeAt.get("safeHead").get("hash").asText());
    services.close();
    services = null;
    node.close();
    node = null;
    try (FileSafeHeadStore db = FileSafeHeadStore.open(dir.resolve(NodeRun.SAFE_HEADS_FILE))) {
      assertEquals(expected, db.safeHeadAtL1Block(world.l1().chain().safe().number()).orElseThrow().safeHead());
    }
  }

  @Test
  // Checks that a validator stopped mid-chain and started again on the same data directory resumes from its
  // journal and the engine's heads, executing no L2 block below its previous safe head again, and reaches the
  // world's new safe head over HTTP
  void aRestartedValidatorResumesWhereItStopped() throws Exception {
    node = startNode();
    for (int step = 0; step < 3 * 60; step++) {
      advance(2);
      Thread.sleep(5);
    }
    L2BlockRef before = expectedSafe();
    await(() -> node.status().current().safeL2().equals(before), "safe head " + before);
    long callsBefore = engine.calls();
    node.close();
    node = startNode();
    advance(120);
    L2BlockRef after = expectedSafe();
    await(() -> node.status().current().safeL2().equals(after), "safe head " + after + " after the restart");
    // The sync start may read every block back to the sequencing window (op-node's FindL2Heads;
    // the devnet's window covers its whole history), one read each; re-deriving from genesis would
    // cost four or more calls per block (build, fetch, insert, forkchoice).
    assertTrue(engine.calls() - callsBefore < before.number() + 6 * (after.number() - before.number()) + 20,
        "no re-derivation from genesis: " + (engine.calls() - callsBefore) + " engine calls for "
            + (after.number() - before.number()) + " new blocks");
  }
}
