package dev.basalt.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.basalt.adapters.beacon.BeaconOptions;
import dev.basalt.adapters.engine.JwtSecret;
import dev.basalt.adapters.node.NodeRuntime;
import dev.basalt.cli.devnet.EngineHttpServer;
import dev.basalt.core.CoreConfig;
import dev.basalt.core.NodeMode;
import dev.basalt.core.SyncMode;
import dev.basalt.core.engine.L2BlockSelector;
import dev.basalt.core.types.L2BlockRef;
import dev.basalt.testdata.world.DevWorld;
import dev.basalt.testdata.world.SimWorld;
import dev.basalt.testdata.world.SimWorldConfig;
import dev.basalt.testdata.world.http.L1HttpServer;
import java.net.URI;
import java.nio.file.Path;

/**
 * A simulated world behind its HTTP front-ends (L1 JSON-RPC and beacon API, Engine API with JWT)
 * and the validator in this JVM against them, for the fault recovery checks: the test moves the
 * world's clock, arms faults, and asks whether the node has converged on the world's true chain.
 */
final class WorldOverHttp implements AutoCloseable {
  static final long GENESIS = 1_700_000_000L;
  private static final JwtSecret SECRET = JwtSecret.generate();

  final SimWorld world;
  final L1HttpServer l1;
  final EngineHttpServer engine;
  final HttpNodeHarness.Halt halt = new HttpNodeHarness.Halt();
  private final Path dir;
  private final CoreConfig config;
  NodeRuntime node;

  private WorldOverHttp(SimWorld world, Path dir, long verifierL1Confs) throws Exception {
    this.world = world;
    this.dir = dir;
    this.config = new CoreConfig(world.rollupConfig(), world.l1ChainConfig(), NodeMode.VALIDATOR, SyncMode.CONSENSUS_LAYER,
        verifierL1Confs);
    this.l1 = L1HttpServer.start(world);
    this.engine = EngineHttpServer.start(world, SECRET, 0);
  }

  /** The devnet's world with every fork from genesis (Holocene rules and blobs at once), 2 s L1 blocks. */
  static SimWorldConfig allForks(long seed) {
    return DevWorld.config(seed, GENESIS, 2).withForks(SimWorldConfig.allAt(GENESIS));
  }

  static WorldOverHttp start(SimWorldConfig config, Path dir, long verifierL1Confs) throws Exception {
    return new WorldOverHttp(SimWorld.create(config), dir, verifierL1Confs);
  }

  /** Starts the node (continuing the journal in the data directory) with the world's beacon API only. */
  NodeRuntime startNode() {
    return startNode(BeaconOptions.of(URI.create(l1.url())));
  }

  NodeRuntime startNode(BeaconOptions beacon) {
    node = HttpNodeHarness.start(dir, config, URI.create(l1.url()), beacon, engine.url(), SECRET, halt);
    return node;
  }

  void stopNode() {
    if (node != null) {
      node.close();
      node = null;
    }
  }

  /** Moves the world's clock {@code seconds} ahead in 2-second steps, giving the node a moment between steps. */
  void advance(long seconds) throws InterruptedException {
    for (long t = 0; t < seconds; t += 2) {
      synchronized (world) {
        world.advanceTo(world.nowSeconds() + 2);
      }
      Thread.sleep(5);
    }
  }

  /** The world's true block at its L1 safe head: the safe head a converged validator reports. */
  L2BlockRef expectedSafe() {
    synchronized (world) {
      return world.trueChain().safeHeadAt(world.l1().chain().safe().number(), world.l1().chain()).ref();
    }
  }

  /**
   * Waits until the node's safe head is the world's true block at the L1 safe head, then checks the
   * engine's canonical chain is the true chain block for block up to the node's unsafe head.
   */
  L2BlockRef awaitConverged(long seconds) throws InterruptedException {
    L2BlockRef expected = expectedSafe();
    HttpNodeHarness.await(() -> node.status().current().safeL2().equals(expected), seconds, "safe head " + expected,
        () -> node.status().current().toString(), halt);
    long unsafe = node.status().current().unsafeL2().number();
    synchronized (world) {
      for (long n = 0; n <= unsafe; n++) {
        long number = n;
        var held = world.nodeEngine().block(new L2BlockSelector.ByNumber(number)).orElseThrow(() ->
            new AssertionError("the engine has no canonical block " + number));
        assertEquals(world.trueChain().block(number).orElseThrow().envelope(), held, "L2 block " + number);
      }
    }
    return expected;
  }

  /** Stops the node and replays its journal: identical decisions. */
  void stopAndReplay() {
    stopNode();
    HttpNodeHarness.replayIdentical(dir);
  }

  @Override
  public void close() {
    stopNode();
    engine.close();
    l1.close();
  }
}
