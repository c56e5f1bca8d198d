package dev.basalt.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.basalt.adapters.conductor.ConductorOptions;
import dev.basalt.adapters.engine.JwtSecret;
import dev.basalt.adapters.engine.RpcOutcome;
import dev.basalt.cli.devnet.EngineHttpServer;
import dev.basalt.cli.flags.SequencerSettings;
import dev.basalt.core.CoreConfig;
import dev.basalt.core.NodeMode;
import dev.basalt.core.SequencerConfig;
import dev.basalt.core.SyncMode;
import dev.basalt.core.crypto.SigningKey;
import dev.basalt.core.engine.L2BlockSelector;
import dev.basalt.core.types.Hash32;
import dev.basalt.core.types.L2BlockRef;
import dev.basalt.testdata.conductor.ConductorHttpServer;
import dev.basalt.testdata.conductor.FakeConductor;
import dev.basalt.testdata.world.SimWorld;
import dev.basalt.testdata.world.engine.EngineResponder;
import dev.basalt.testdata.world.engine.FakeEngine;
import dev.basalt.testdata.world.http.L1HttpServer;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two Basalt sequencers behind one (fake) op-conductor cluster, each with its own engine, over HTTP:
 * the test plays op-conductor's control loop. Sequencer A leads; leadership moves to B mid-run; the
 * test stops A ({@code admin_stopSequencer}), posts B the committed blocks it lacks ({@code
 * admin_postUnsafePayload}) and starts B on the last committed block ({@code admin_startSequencer}).
 * No height gets two committed blocks, no committed block is lost, and B starts exactly on A's last
 * committed block; both journals replay identically.
 */
@Tag("slow")
class ConductorFailoverIT {
  private static final JwtSecret SECRET = JwtSecret.generate();
  /** Started stopped: the conductor starts the leader. */
  private static final SequencerConfig CONDUCTED = new SequencerConfig(2, 50, 0, false, true, false, true);

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
  void leadershipMovesWithoutForkingOrLosingACommittedBlock() throws Exception {
    long genesis = System.currentTimeMillis() / 1000 - 4;
    SimWorld world = live.silentBatcherWorld(21, genesis);
    L1HttpServer l1 = opened(L1HttpServer.start(world));
    FakeConductor cluster = new FakeConductor("a");
    CoreConfig config = new CoreConfig(world.rollupConfig(), world.l1ChainConfig(), NodeMode.SEQUENCER, SyncMode.CONSENSUS_LAYER, 0,
        CONDUCTED);
    SigningKey key = SigningKey.fromHex("ac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80");
    SequencerNodeHarness a = sequencer("a", world, l1, cluster, config, key);
    SequencerNodeHarness b = sequencer("b", world, l1, cluster, config, key);
    Hash32 genesisHash = world.nodeEngine().genesis().payload().blockHash();
    awaitUnsafe(a, genesisHash);
    awaitUnsafe(b, genesisHash);

    assertEquals("sequencer is not the leader, aborting", error(b.call("admin_startSequencer", quoted(genesisHash))));
    assertEquals("true", result(a.call("admin_conductorEnabled")));
    assertEquals("null", result(a.call("admin_startSequencer", quoted(genesisHash))));
    HttpNodeHarness.await(() -> cluster.log().size() >= 5, 60, "five blocks committed by A", () -> status(a), halt);

    // Raft elects B. A's commits are refused from now on: nothing it seals any more is published or inserted.
    cluster.setLeader("b");
    Hash32 stoppedAt = Hash32.fromHex(result(a.call("admin_stopSequencer")).replace("\"", ""));
    List<FakeConductor.Commit> byA = cluster.log();
    FakeConductor.Commit lastOfA = byA.get(byA.size() - 1);
    assertEquals(lastOfA.blockHash(), stoppedAt.toHex(), "A stopped on its last committed block");
    assertEquals("false", result(a.call("admin_sequencerActive")));

    // The new leader's conductor brings its sequencer up to the log, then starts it there.
    long bHead = b.node.status().current().unsafeL2().number();
    for (FakeConductor.Commit c : byA) {
      if (c.number() > bHead) {
        assertEquals("null", result(b.call("admin_postUnsafePayload", c.envelope().toString())));
      }
    }
    awaitUnsafe(b, stoppedAt);
    assertEquals("null", result(b.call("admin_startSequencer", quoted(stoppedAt))));
    HttpNodeHarness.await(() -> cluster.log().size() >= byA.size() + 4, 60, "four blocks committed by B", () -> status(b), halt);
    assertEquals("sequencer is not the leader, aborting", error(a.call("admin_startSequencer", quoted(stoppedAt))));

    List<FakeConductor.Commit> log = cluster.log();
    FakeConductor.Commit firstOfB = log.get(byA.size());
    assertEquals("b", firstOfB.member());
    assertEquals(lastOfA.blockHash(), firstOfB.parentHash(), "B's first block is built on A's last committed block");
    assertEquals(lastOfA.number() + 1, firstOfB.number());
    String dump = log.stream().map(c -> c.member() + " #" + c.number() + " " + c.blockHash().substring(0, 10) + " on "
        + c.parentHash().substring(0, 10)).toList().toString();
    TreeMap<Long, String> byHeight = new TreeMap<>();
    for (int i = 0; i < log.size(); i++) {
      FakeConductor.Commit c = log.get(i);
      String before = byHeight.putIfAbsent(c.number(), c.blockHash());
      assertTrue(before == null, "height " + c.number() + " committed twice: " + before + " and " + c.blockHash());
      if (i > 0) {
        assertEquals(log.get(i - 1).blockHash(), c.parentHash(), "the log is one chain, no gap, at " + c.number() + ": " + dump);
        assertTrue(c.member().equals(log.get(i - 1).member()) || i == byA.size(), "one leader at a time");
      }
    }
    assertEquals(genesisHash, b.node.status().current().safeL2().hash(), "no batches: every block here is the sequencers' own");
    stopAndVerify(a, b, log);
  }

  /** Every committed block is on B's canonical chain; both journals replay identically. */
  private void stopAndVerify(SequencerNodeHarness a, SequencerNodeHarness b, List<FakeConductor.Commit> log) throws Exception {
    assertEquals("\"" + log.get(log.size() - 1).blockHash() + "\"", result(b.call("admin_stopSequencer")).toLowerCase(),
        "B stops on its last committed block");
    FakeEngine engineB = engines.get("b");
    for (FakeConductor.Commit c : log) {
      Optional<Hash32> held = engineB.block(new L2BlockSelector.ByNumber(c.number())).map(e -> e.payload().blockHash());
      assertEquals(Optional.of(Hash32.fromHex(c.blockHash())), held, "committed block " + c.number() + " is canonical on B");
    }
    live.closeNow(a);
    live.closeNow(b);
    HttpNodeHarness.replayIdentical(dir.resolve("a"));
    HttpNodeHarness.replayIdentical(dir.resolve("b"));
  }

  private final java.util.Map<String, FakeEngine> engines = new java.util.TreeMap<>();

  private SequencerNodeHarness sequencer(String name, SimWorld world, L1HttpServer l1, FakeConductor cluster, CoreConfig config,
      SigningKey key) throws Exception {
    FakeEngine engine = new FakeEngine(world.rollupConfig(), world.nodeEngine().genesis());
    engines.put(name, engine);
    EngineHttpServer engineServer = opened(EngineHttpServer.start(new EngineResponder(engine), world.rollupConfig().l2ChainId(), engine,
        SECRET, 0));
    ConductorHttpServer conductor = opened(ConductorHttpServer.start(cluster, name));
    SequencerSettings settings = new SequencerSettings(Optional.of(key),
        Optional.of(new ConductorOptions(URI.create(conductor.url()), Duration.ofSeconds(1))), Optional.of(dir.resolve(name + "-admin.json")));
    return opened(SequencerNodeHarness.start(dir.resolve(name), config, URI.create(l1.url()), engineServer.url(), SECRET, settings, halt));
  }

  private void awaitUnsafe(SequencerNodeHarness n, Hash32 hash) throws InterruptedException {
    HttpNodeHarness.await(() -> n.node.status().current().unsafeL2().hash().equals(hash), 30, "unsafe head " + hash,
        () -> status(n), halt);
  }

  private static String status(SequencerNodeHarness n) {
    L2BlockRef unsafe = n.node.status().current().unsafeL2();
    return unsafe.toString();
  }

  private static String quoted(Hash32 hash) {
    return "\"" + hash.toHex() + "\"";
  }

  private static String result(RpcOutcome outcome) {
    return assertInstanceOf(RpcOutcome.Result.class, outcome, () -> "expected a result, got " + outcome).value().toString();
  }

  private static String error(RpcOutcome outcome) {
    return assertInstanceOf(RpcOutcome.ErrorObject.class, outcome, () -> "expected an error, got " + outcome).message();
  }
}
