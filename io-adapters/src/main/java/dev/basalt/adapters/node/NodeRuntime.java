package dev.basalt.adapters.node;

import dev.basalt.adapters.clock.ClockAdapter;
import dev.basalt.adapters.clock.WallClock;
import dev.basalt.adapters.ring.EventSink;
import dev.basalt.adapters.ring.Halter;
import dev.basalt.adapters.ring.InputRing;
import dev.basalt.adapters.ring.RingPolicy;
import dev.basalt.adapters.status.StatusBoard;
import dev.basalt.core.CoreConfig;
import dev.basalt.core.event.NodeStarted;
import dev.basalt.journal.Journal;
import dev.basalt.journal.Snapshot;
import dev.basalt.journal.SnapshotStore;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A running node: recovered core, input ring, clock, adapters. */
public final class NodeRuntime implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(NodeRuntime.class);
  /** Snapshots older than the newest few only cost disk. */
  private static final int SNAPSHOTS_KEPT = 2;

  private final Journal journal;
  private final SnapshotStore snapshots;
  private final InputRing ring;
  private final ClockAdapter clock;
  private final CommandRouter router;
  private final WorldAdapters world;
  private final StatusBoard status;
  private final ExecutorService snapshotWriter;
  private final CoreRecovery.Result recovery;
  private boolean closed;

  /**
   * @param tickIntervalMillis how often the clock adapter publishes {@code ClockTicked}
   * @param worldFactory creates the adapters, given the sink they publish into
   */
  public record Options(RingPolicy ringPolicy, long tickIntervalMillis) {
    public static Options defaults() {
      return new Options(RingPolicy.defaults(), 500);
    }
  }

  private NodeRuntime(
      Options options,
      Journal journal,
      SnapshotStore snapshots,
      Function<EventSink, WorldAdapters> worldFactory,
      Halter halter) {
    this.journal = journal;
    this.snapshots = snapshots;
    this.recovery = CoreRecovery.recover(journal, snapshots);
    this.status = new StatusBoard();
    this.status.publish(recovery.core().syncStatus());
    this.snapshotWriter =
        Executors.newSingleThreadExecutor(
            r -> {
              Thread t = new Thread(r, "basalt-snapshots");
              t.setDaemon(true);
              return t;
            });
    AtomicReference<CommandRouter> routerRef = new AtomicReference<>();
    this.ring =
        new InputRing(
            options.ringPolicy(),
            journal,
            recovery.core(),
            command -> routerRef.get().dispatch(command),
            snapshot -> snapshotWriter.execute(() -> saveSnapshot(snapshot)),
            halter);
    this.world = worldFactory.apply(ring);
    this.clock = new ClockAdapter(ring, WallClock.SYSTEM, options.tickIntervalMillis());
    this.router = new CommandRouter(world.handlers(), clock, status, ring, ring::halt);
    routerRef.set(router);
  }

  /** Recovers the core from {@code journal}, starts everything and publishes {@code NodeStarted}. */
  public static NodeRuntime start(
      Options options,
      CoreConfig config,
      Journal journal,
      SnapshotStore snapshots,
      Function<EventSink, WorldAdapters> worldFactory,
      Halter halter) {
    NodeRuntime node = new NodeRuntime(options, journal, snapshots, worldFactory, halter);
    node.ring.start();
    node.ring.publish(new NodeStarted(config, System.currentTimeMillis()));
    node.clock.start();
    node.world.start();
    return node;
  }

  private void saveSnapshot(Snapshot snapshot) {
    try {
      snapshots.save(snapshot);
      snapshots.prune(SNAPSHOTS_KEPT);
    } catch (RuntimeException e) {
      // A missing snapshot only makes the next restart replay more; it is not fatal.
      LOG.warn("could not save snapshot at input {}: {}", snapshot.seq(), e.toString());
    }
  }

  public StatusBoard status() {
    return status;
  }

  public EventSink sink() {
    return ring;
  }

  public CoreRecovery.Result recovery() {
    return recovery;
  }

  /** Events published but not yet applied (for metrics). */
  public long ringOccupancy() {
    return ring.occupancy();
  }

  public boolean isHalted() {
    return ring.isHalted();
  }

  public Journal journal() {
    return journal;
  }

  /**
   * Stops the node in order: adapters stop publishing, the ring drains, a final snapshot is saved
   * (unless the node halted, when the core's state is suspect), the journal closes.
   */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    ring.stopAccepting(); // first: closing the adapters fails their calls in flight, which is no news for the core
    world.close();
    clock.close();
    ring.shutdown(10_000);
    router.close();
    snapshotWriter.shutdown();
    try {
      snapshotWriter.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (!ring.isHalted() && journal.nextInputSeq() > 0) {
      saveSnapshot(new Snapshot(journal.nextInputSeq() - 1, ring.snapshotAfterShutdown()));
    }
    journal.close();
  }
}
