package dev.basalt.testdata.world;

import dev.basalt.core.CoreConfig;
import dev.basalt.core.NodeMode;
import dev.basalt.core.command.Command;
import dev.basalt.core.event.InputEvent;
import dev.basalt.testdata.world.l1.L1Forks;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The local devnet's world in one process ({@code basalt node --dev}): a {@link SimWorld} whose
 * clock follows the wall clock, with every fork from Bedrock through Karst activating two minutes
 * apart after genesis. It polls like an L1 head watcher (head, safe and finalized every {@code
 * pollMillis}) and answers the node's commands on its own thread, like responses from real servers.
 *
 * <p>The world is a pure function of seed, genesis time and L1 block time, so a restarted devnet
 * rebuilds the same chains up to the present (catching up block by block) and continues them.
 */
public final class DevWorld implements AutoCloseable {
  /** The devnet's L1 chain id (not used by any public chain). */
  public static final long L1_CHAIN_ID = 900;

  /** The devnet's L2 chain id (not used by any public chain). */
  public static final long L2_CHAIN_ID = 901;

  /** Seconds between successive fork activations on the devnet. */
  public static final long FORK_GAP_SECONDS = 120;

  private final SimWorld world;
  private final Consumer<InputEvent> sink;
  private final long pollMillis;
  private final ScheduledThreadPoolExecutor executor;

  /**
   * @param genesisTimestamp L1 and L2 genesis time in seconds; keep it across restarts to keep the chains
   * @param l1BlockSeconds L1 block time
   * @param pollMillis how often the fake L1 reports its labels
   */
  public DevWorld(long seed, long genesisTimestamp, long l1BlockSeconds, long pollMillis, Consumer<InputEvent> sink) {
    this.world = SimWorld.create(config(seed, genesisTimestamp, l1BlockSeconds));
    this.sink = sink;
    this.pollMillis = pollMillis;
    this.executor = new ScheduledThreadPoolExecutor(1, r -> {
      Thread t = new Thread(r, "basalt-devworld");
      t.setDaemon(true);
      return t;
    });
  }

  /** The devnet world's configuration: multi-fork, 2-second L2 blocks, Prague L1 from genesis. */
  public static SimWorldConfig config(long seed, long genesisTimestamp, long l1BlockSeconds) {
    return SimWorldConfig.defaults(seed)
        .withTimes(genesisTimestamp, l1BlockSeconds, 2)
        .withForks(SimWorldConfig.successive(genesisTimestamp + FORK_GAP_SECONDS, FORK_GAP_SECONDS))
        .withL1Forks(L1Forks.allAtGenesis());
  }

  /** The configuration the node runs the devnet with (the world's rollup config and L1 blob schedule). */
  public static CoreConfig coreConfig(long seed, long genesisTimestamp, long l1BlockSeconds) {
    return SimWorld.create(config(seed, genesisTimestamp, l1BlockSeconds)).coreConfig(NodeMode.VALIDATOR);
  }

  public void start() {
    executor.scheduleAtFixedRate(this::report, 0, pollMillis, TimeUnit.MILLISECONDS);
  }

  private void catchUp() {
    // The devnet maps wall time onto the world's clock; the world itself never reads a clock.
    world.advanceTo(System.currentTimeMillis() / 1000);
  }

  private void report() {
    catchUp();
    world.l1Observations().forEach(sink);
  }

  /** Answers a world-facing command on the world's thread (delayed answers later). */
  public void handle(Command command) {
    executor.execute(() -> {
      catchUp();
      for (Answer a : world.answer(command)) {
        if (a.delayMillis() == 0) {
          sink.accept(a.event());
        } else {
          executor.schedule(() -> sink.accept(a.event()), a.delayMillis(), TimeUnit.MILLISECONDS);
        }
      }
    });
  }

  /** The simulated world; touch it only from tasks run through {@link #execute}. */
  public SimWorld world() {
    return world;
  }

  /** Runs {@code task} on the world's thread. */
  public void execute(Runnable task) {
    executor.execute(task);
  }

  @Override
  public void close() {
    executor.shutdownNow();
  }
}
