package dev.basalt.adapters.ring;

import com.lmax.disruptor.EventHandler;
import dev.basalt.core.Core;
import dev.basalt.core.codec.BinaryWriter;
import dev.basalt.core.event.NodeStarted;
import dev.basalt.core.types.Bytes;
import java.util.concurrent.CountDownLatch;

/**
 * Second stage: applies the journaled event to the core. Also takes the periodic state hash and
 * snapshot, which must happen on this thread between two events.
 */
final class CoreStage implements EventHandler<RingSlot> {
  private final CountDownLatch started;
  private final Core core;
  private final RingPolicy policy;
  private final BinaryWriter snapshotBuffer = new BinaryWriter(64 * 1024);
  private long sinceHash;
  private long sinceSnapshot;

  CoreStage(CountDownLatch started, Core core, RingPolicy policy) {
    this.started = started;
    this.core = core;
    this.policy = policy;
  }

  @Override
  public void onEvent(RingSlot slot, long sequence, boolean endOfBatch) {
    slot.commands = core.apply(slot.event);
    sinceHash++;
    sinceSnapshot++;
    if (sinceHash >= policy.stateHashEveryEvents() || slot.event instanceof NodeStarted) {
      slot.stateHash = core.stateHash();
      sinceHash = 0;
    }
    if (policy.snapshotEveryEvents() > 0 && sinceSnapshot >= policy.snapshotEveryEvents()) {
      slot.snapshot = takeSnapshot();
      sinceSnapshot = 0;
    }
  }

  /** The core's snapshot bytes; only call on the core thread between events. */
  Bytes takeSnapshot() {
    snapshotBuffer.reset();
    core.writeSnapshot(snapshotBuffer);
    return Bytes.of(snapshotBuffer.buffer(), 0, snapshotBuffer.size());
  }

  @Override
  public void onStart() {
    started.countDown();
  }
}
