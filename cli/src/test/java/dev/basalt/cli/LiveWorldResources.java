package dev.basalt.cli;

import dev.basalt.testdata.world.SimWorld;
import dev.basalt.testdata.world.SimWorldConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * What a real-time node IT opens: a seeded world whose clock follows the wall clock, and every
 * server and node the test starts on it, closed in reverse order.
 */
final class LiveWorldResources implements AutoCloseable {
  private final ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor();
  private final List<AutoCloseable> open = new ArrayList<>();

  /**
   * A world whose own batcher never posts, so its chain never becomes safe and replaces the blocks
   * the nodes under test make: it posts only before the first L1 block (batch interval 10^6), which
   * comes (1 s L1 blocks) before the world's first L2 block (2 s).
   */
  SimWorld silentBatcherWorld(long seed, long genesis) {
    SimWorld world = SimWorld.create(SimWorldConfig.defaults(seed).withTimes(genesis, 1, 2)
        .withForks(SimWorldConfig.allAt(genesis)).withActivity(1_000_000, 0, 0, 0));
    clock.scheduleWithFixedDelay(() -> {
      synchronized (world) {
        world.advanceTo(System.currentTimeMillis() / 1000);
      }
    }, 0, 200, TimeUnit.MILLISECONDS);
    return world;
  }

  <T extends AutoCloseable> T opened(T c) {
    open.add(c);
    return c;
  }

  /** Closes {@code c} now (e.g. to replay its journal) instead of at the end. */
  void closeNow(AutoCloseable c) throws Exception {
    open.remove(c);
    c.close();
  }

  @Override
  public void close() throws Exception {
    clock.shutdownNow();
    for (AutoCloseable c : open.reversed()) {
      c.close();
    }
  }
}
