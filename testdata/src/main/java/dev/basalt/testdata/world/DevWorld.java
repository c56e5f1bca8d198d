package dev.basalt.testdata.world;

import dev.basalt.core.CoreConfig;
import dev.basalt.core.NodeMode;
import dev.basalt.testdata.world.l1.L1Forks;
import dev.basalt.testdata.world.rollup.FeedRecord;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * The local devnet's world ({@code basalt node --dev}): a {@link SimWorld} whose clock follows the
 * wall clock, with every fork from Bedrock through Karst activating two minutes apart after
 * genesis. The node reaches it only through its HTTP front-ends, which read it under its lock; this
 * class only moves its time forward, on a thread of its own.
 *
 * <p>The world is a pure function of seed, genesis time and L1 block time, so a restarted devnet
 * rebuilds the same chains from genesis up to the present ({@link #start} does that before it
 * returns, so nothing sees a half-built past) and continues them. Rebuilding costs time in
 * proportion to the devnet's age: mostly one KZG commitment per blob batch (blobs from Ecotone on),
 * which is why the devnet batcher posts every {@link #BATCH_EVERY_L1_BLOCKS} L1 blocks.
 *
 * <p>When the node sequences ({@link SimWorldConfig#nodeSequences}) the L2 chain is the node's, not a
 * function of the seed: the world's batcher feed reports what it took from the node's engine as
 * {@link FeedRecord}s, which the devnet stores, and a restarted world is given them back to rebuild
 * the same L1 and the same engine.
 */
public final class DevWorld implements AutoCloseable {
  /** The devnet's L1 chain id (not used by any public chain). */
  public static final long L1_CHAIN_ID = 900;

  /** The devnet's L2 chain id (not used by any public chain). */
  public static final long L2_CHAIN_ID = 901;

  /** Seconds between successive fork activations on the devnet. */
  public static final long FORK_GAP_SECONDS = 120;

  /** The batcher posts before every this-many-th L1 block (op-batcher's channel duration, roughly). */
  public static final int BATCH_EVERY_L1_BLOCKS = 3;

  private final SimWorld world;
  private final LongSupplier nowSeconds;
  private final ScheduledThreadPoolExecutor ticker;
  private volatile RuntimeException lastFailure;

  /**
   * @param genesisTimestamp L1 and L2 genesis time in seconds; keep it across restarts to keep the chains
   * @param l1BlockSeconds L1 block time
   */
  public DevWorld(long seed, long genesisTimestamp, long l1BlockSeconds) {
    // The devnet maps wall time onto the world's clock; the world itself never reads a clock.
    this(seed, genesisTimestamp, l1BlockSeconds, () -> System.currentTimeMillis() / 1000);
  }

  /** As above, on the clock {@code nowSeconds} (tests). */
  public DevWorld(long seed, long genesisTimestamp, long l1BlockSeconds, LongSupplier nowSeconds) {
    this(SimWorld.create(config(seed, genesisTimestamp, l1BlockSeconds)), nowSeconds);
  }

  /**
   * A devnet whose node sequences, continuing from the feed records of earlier runs ({@code
   * restored}, oldest first; empty for a new devnet); new records go to {@code sink}.
   */
  public static DevWorld sequencedByNode(long seed, long genesisTimestamp, long l1BlockSeconds, List<FeedRecord> restored,
      Consumer<FeedRecord> sink, LongSupplier nowSeconds) {
    SimWorldConfig c = config(seed, genesisTimestamp, l1BlockSeconds).withNodeSequencing();
    return new DevWorld(SimWorld.create(c, restored, sink), nowSeconds);
  }

  private DevWorld(SimWorld world, LongSupplier nowSeconds) {
    this.world = world;
    this.nowSeconds = nowSeconds;
    this.ticker = new ScheduledThreadPoolExecutor(1, r -> {
      Thread t = new Thread(r, "basalt-devworld");
      t.setDaemon(true);
      return t;
    });
  }

  /** The devnet world's configuration: multi-fork, 2-second L2 blocks, Prague L1 from genesis. */
  public static SimWorldConfig config(long seed, long genesisTimestamp, long l1BlockSeconds) {
    SimWorldConfig defaults = SimWorldConfig.defaults(seed);
    return defaults
        .withTimes(genesisTimestamp, l1BlockSeconds, 2)
        .withForks(SimWorldConfig.successive(genesisTimestamp + FORK_GAP_SECONDS, FORK_GAP_SECONDS))
        .withL1Forks(L1Forks.allAtGenesis())
        .withActivity(BATCH_EVERY_L1_BLOCKS, defaults.depositChance(), defaults.configUpdateChance(), defaults.fillerTxsMax());
  }

  /** The configuration the node runs the devnet with (the world's rollup config and L1 blob schedule). */
  public static CoreConfig coreConfig(long seed, long genesisTimestamp, long l1BlockSeconds) {
    return SimWorld.create(config(seed, genesisTimestamp, l1BlockSeconds)).coreConfig(NodeMode.VALIDATOR);
  }

  /**
   * Builds the world up to now (its whole history after a restart), then keeps it following the
   * wall clock, advancing every {@code tickMillis}.
   *
   * @return how long catching up took, in milliseconds
   */
  public long start(long tickMillis) {
    long begin = System.nanoTime();
    catchUp();
    long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - begin);
    ticker.scheduleWithFixedDelay(this::tick, tickMillis, tickMillis, TimeUnit.MILLISECONDS);
    return tookMillis;
  }

  private void catchUp() {
    long now = nowSeconds.getAsLong();
    synchronized (world) {
      world.advanceTo(now);
    }
  }

  private void tick() {
    try {
      catchUp();
    } catch (RuntimeException e) {
      // A scheduled task that throws is never run again: keep the clock going, report the cause.
      lastFailure = e;
    }
  }

  /** Why the world last failed to advance, if it ever did (a bug in the world; the devnet reports it). */
  public Optional<RuntimeException> lastFailure() {
    return Optional.ofNullable(lastFailure);
  }

  /** Reads the world under its lock. */
  public <T> T read(Function<SimWorld, T> reader) {
    synchronized (world) {
      return reader.apply(world);
    }
  }

  /** The simulated world; hold its lock ({@code synchronized (world)}) while touching it. */
  public SimWorld world() {
    return world;
  }

  @Override
  public void close() {
    ticker.shutdownNow();
    try {
      // A tick in progress finishes first, so whatever it writes through the world's sinks is whole.
      ticker.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
