package dev.basalt.cli.devnet;

import dev.basalt.adapters.engine.JwtSecret;
import dev.basalt.testdata.world.DevWorld;
import dev.basalt.testdata.world.http.L1HttpServer;
import java.net.URI;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The local devnet's services in this process, on free loopback ports: the {@link DevWorld}
 * (built up to now, then following the wall clock), its L1 JSON-RPC and beacon API ({@link
 * L1HttpServer}) and its engine's authenticated Engine API ({@link EngineHttpServer}), with the
 * JWT secret kept in the data directory. The node reaches them only through its real adapters,
 * exactly as it would reach geth, a beacon node and op-geth.
 *
 * <p>Two roles: the node validates a chain the world sequences ({@link #start}), or the node is the
 * devnet's sequencer ({@link #startSequenced}): it builds the blocks on the devnet's engine, the
 * world's embedded batcher posts them to L1 as blobs and calldata, and the node's own derivation
 * makes them safe. The sequencing devnet keeps its L2 chain in {@link FeedLog} beside the journal.
 */
public final class Devnet implements AutoCloseable {
  /** The devnet's JWT secret file, in the data directory. */
  public static final String JWT_FILE = "jwt.hex";

  private static final long TICK_MILLIS = 250;

  private final DevWorld world;
  private final L1HttpServer l1;
  private final EngineHttpServer engine;
  private final Path jwtFile;
  private final long catchUpMillis;
  private final FeedLog feedLog;

  private Devnet(DevWorld world, L1HttpServer l1, EngineHttpServer engine, Path jwtFile, long catchUpMillis, FeedLog feedLog) {
    this.feedLog = feedLog;
    this.world = world;
    this.l1 = l1;
    this.engine = engine;
    this.jwtFile = jwtFile;
    this.catchUpMillis = catchUpMillis;
  }

  /**
   * Builds the world from {@code genesisSeconds} up to now and starts its servers. Call it after
   * the journal exists: it writes the JWT secret into {@code dir} on first start.
   */
  public static Devnet start(Path dir, long genesisSeconds, long l1BlockSeconds) throws Exception {
    return start(dir, new DevWorld(DevWorld.L2_CHAIN_ID, genesisSeconds, l1BlockSeconds), null);
  }

  /**
   * As {@link #start}, with the node as the devnet's sequencer: the world continues the L2 chain
   * kept in {@code dir} ({@link FeedLog}), rebuilding the same L1 and giving the engine its blocks back.
   */
  public static Devnet startSequenced(Path dir, long genesisSeconds, long l1BlockSeconds) throws Exception {
    FeedLog log = FeedLog.open(dir);
    try {
      DevWorld world = DevWorld.sequencedByNode(DevWorld.L2_CHAIN_ID, genesisSeconds, l1BlockSeconds, log.restored(), log::append,
          () -> System.currentTimeMillis() / 1000);
      return start(dir, world, log);
    } catch (Exception | Error e) {
      log.close();
      throw e;
    }
  }

  private static Devnet start(Path dir, DevWorld world, FeedLog log) throws Exception {
    Path jwtFile = dir.resolve(JWT_FILE);
    L1HttpServer l1 = null;
    try {
      JwtSecret secret = JwtSecret.loadOrCreate(jwtFile, true);
      long took = world.start(TICK_MILLIS);
      l1 = L1HttpServer.start(world.world());
      EngineHttpServer engine = EngineHttpServer.start(world.world(), secret, 0);
      return new Devnet(world, l1, engine, jwtFile, took, log);
    } catch (Exception | Error e) {
      if (l1 != null) {
        l1.close();
      }
      world.close();
      throw e;
    }
  }

  /**
   * Makes the devnet's L1 SystemConfig name {@code signer} as the unsafe-block signer from genesis
   * on, so a node reading the runtime config learns the devnet sequencer's key without flags.
   */
  public void unsafeBlockSigner(dev.basalt.core.types.Address signer) {
    synchronized (world.world()) {
      world.world().initialUnsafeBlockSigner(signer);
    }
  }

  /** Whether the node is the devnet's sequencer. */
  public boolean nodeSequences() {
    return feedLog != null;
  }

  /** The L1 execution JSON-RPC endpoint. */
  public URI l1RpcUrl() {
    return URI.create(l1.url());
  }

  /** The beacon API endpoint (served by the same server as the L1 JSON-RPC). */
  public URI beaconUrl() {
    return URI.create(l1.url());
  }

  /** The engine's authenticated JSON-RPC endpoint. */
  public URI engineUrl() {
    return engine.url();
  }

  public Path jwtFile() {
    return jwtFile;
  }

  /** How long building the world's history up to now took at start. */
  public long catchUpMillis() {
    return catchUpMillis;
  }

  /** One line naming every endpoint, for the operator. */
  public String describeEndpoints() {
    return "L1 RPC " + l1RpcUrl() + ", beacon " + beaconUrl() + ", engine " + engineUrl() + " (JWT " + jwtFile + ")";
  }

  /** One line: the world's heads and the HTTP traffic the node caused. */
  public String stats() {
    long[] heads = world.read(w -> new long[] {w.l1().chain().head().number(), w.trueChain().head().number(),
        w.nodeEngine().heads().unsafe().number()});
    String failure = world.lastFailure().map(e -> "; WORLD STUCK: " + e).orElse("");
    String l2 = feedLog != null ? String.format(Locale.ROOT, "engine L2 #%d, batcher took L2 #%d", heads[2], heads[1])
        : String.format(Locale.ROOT, "sequencer L2 #%d", heads[1]);
    return String.format(Locale.ROOT, "devnet L1 #%d, %s | HTTP: %d L1 RPC, %d beacon, %d engine calls (%d refused)%s",
        heads[0], l2, l1.rpcRequests(), l1.beaconRequests(), engine.calls(), engine.rejected(), failure);
  }

  /** Engine calls served so far. */
  public long engineCalls() {
    return engine.calls();
  }

  @Override
  public void close() {
    engine.close();
    l1.close();
    world.close();
    if (feedLog != null) {
      synchronized (world.world()) {
        feedLog.close(); // under the world's lock: no post is writing to it
      }
    }
  }
}
