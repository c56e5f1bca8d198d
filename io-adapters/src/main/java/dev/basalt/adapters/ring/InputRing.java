package dev.basalt.adapters.ring;

import com.lmax.disruptor.BlockingWaitStrategy;
import com.lmax.disruptor.EventTranslatorOneArg;
import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.TimeoutException;
import com.lmax.disruptor.dsl.Disruptor;
import com.lmax.disruptor.dsl.ProducerType;
import dev.basalt.core.Core;
import dev.basalt.core.event.InputEvent;
import dev.basalt.journal.Journal;
import dev.basalt.journal.Snapshot;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node's input ring: adapters publish, then journal -> core -> dispatch, each stage on its own
 * thread. Uses a blocking wait strategy: on a 2-core machine a spinning consumer steals the CPU the
 * other stages and the adapters need, and the node's event rate is far below what blocking handles.
 */
public final class InputRing implements EventSink, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(InputRing.class);
  private static final EventTranslatorOneArg<RingSlot, InputEvent> TRANSLATOR = (slot, sequence, event) -> slot.event = event;

  private final Disruptor<RingSlot> disruptor;
  private final RingBuffer<RingSlot> ringBuffer;
  private final CoreStage coreStage;
  private final AtomicBoolean accepting = new AtomicBoolean(false);
  private final AtomicBoolean halted = new AtomicBoolean(false);
  /** Counted down by each stage's thread once it runs (see {@link #start()}). */
  private final CountDownLatch stagesStarted = new CountDownLatch(3);
  private final Halter haltOnce;

  public InputRing(
      RingPolicy policy,
      Journal journal,
      Core core,
      CommandDispatcher dispatcher,
      Consumer<Snapshot> snapshotSaver,
      Halter halter) {
    haltOnce =
        (reason, cause) -> {
          accepting.set(false);
          if (halted.compareAndSet(false, true)) {
            halter.halt(reason, cause);
          }
        };
    disruptor =
        new Disruptor<>(RingSlot::new, policy.ringSize(), threadFactory(), ProducerType.MULTI, new BlockingWaitStrategy());
    coreStage = new CoreStage(stagesStarted, core, policy);
    disruptor
        .handleEventsWith(new JournalStage(stagesStarted, journal, policy.strictDurability()))
        .then(coreStage)
        .then(new DispatchStage(stagesStarted, journal, dispatcher, snapshotSaver, policy.strictDurability()));
    disruptor.setDefaultExceptionHandler(new HaltingExceptionHandler(haltOnce));
    ringBuffer = disruptor.getRingBuffer();
  }

  private static ThreadFactory threadFactory() {
    String[] names = {"basalt-journal", "basalt-core", "basalt-dispatch"};
    AtomicInteger next = new AtomicInteger();
    return runnable -> {
      int i = next.getAndIncrement();
      Thread t = new Thread(runnable, i < names.length ? names[i] : "basalt-ring-" + i);
      t.setDaemon(false);
      return t;
    };
  }

  /**
   * Starts the stages and waits until all three run. Waiting matters: {@code Disruptor.shutdown}
   * ignores stages whose threads have not started yet, so an early shutdown would drop events.
   */
  public void start() {
    disruptor.start();
    try {
      if (!stagesStarted.await(30, TimeUnit.SECONDS)) {
        throw new IllegalStateException("ring stages did not start within 30 s");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while starting the ring", e);
    }
    accepting.set(true);
  }

  @Override
  public boolean publish(InputEvent event) {
    if (!accepting.get()) {
      return false;
    }
    ringBuffer.publishEvent(TRANSLATOR, event);
    return true;
  }

  @Override
  public boolean tryPublish(InputEvent event) {
    return accepting.get() && ringBuffer.tryPublishEvent(TRANSLATOR, event);
  }

  /**
   * Halts the node because the core asked for it ({@code HaltNode}: a protocol-critical error), the
   * same way as a failed stage: no further input is accepted.
   */
  public void halt(String reason) {
    haltOnce.halt(reason, null);
  }

  /** True after a stage failed; the node must stop. */
  public boolean isHalted() {
    return halted.get();
  }

  /** Slots in use right now (for the ring occupancy metric). */
  public long occupancy() {
    return ringBuffer.getBufferSize() - ringBuffer.remainingCapacity();
  }

  /**
   * Stops accepting events without stopping the stages: what is already published is still
   * processed. Called before the adapters close, so the failures their closing causes (calls cut
   * off mid-flight) never reach the journal as if the world had failed them.
   */
  public void stopAccepting() {
    accepting.set(false);
  }

  /**
   * Stops accepting events, lets the stages finish everything already published, then stops
   * them. After a halt nothing is drained: the failed stage will never process again.
   */
  public void shutdown(long timeoutMillis) {
    accepting.set(false);
    if (halted.get()) {
      disruptor.halt();
      return;
    }
    try {
      disruptor.shutdown(timeoutMillis, TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      LOG.warn("ring did not drain within {} ms; halting it", timeoutMillis);
      disruptor.halt();
    }
  }

  /**
   * A snapshot of the core, taken through the ring so it runs on the core thread between events:
   * only valid after {@link #shutdown} (the core thread is then idle).
   */
  public dev.basalt.core.types.Bytes snapshotAfterShutdown() {
    return coreStage.takeSnapshot();
  }

  @Override
  public void close() {
    shutdown(10_000);
  }
}
