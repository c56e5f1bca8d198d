package dev.basalt.adapters.l1;

import dev.basalt.adapters.http.CallFailure;
import dev.basalt.adapters.ring.EventSink;
import dev.basalt.core.event.InputEvent;
import dev.basalt.core.event.L1FinalizedObserved;
import dev.basalt.core.event.L1HeadObserved;
import dev.basalt.core.event.L1SafeObserved;
import dev.basalt.core.types.L1BlockRef;
import java.util.Objects;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls the L1 node's {@code latest} block every head interval and its {@code safe} and {@code
 * finalized} blocks at start and every epoch interval, publishing an event only when a label's
 * block changed. A failed poll is logged and tried again at the next tick; the core never hears
 * of it (it keeps the last heads it saw).
 */
final class L1HeadPoller {
  /** Reads the block a label points at. */
  @FunctionalInterface
  interface LabelReader {
    L1BlockRef read(String label) throws CallFailure;
  }

  private static final Logger LOG = LoggerFactory.getLogger(L1HeadPoller.class);

  private final LabelReader reader;
  private final EventSink sink;
  private final Label head = new Label("latest", L1HeadObserved::new);
  private final Label safe = new Label("safe", L1SafeObserved::new);
  private final Label finalized = new Label("finalized", L1FinalizedObserved::new);

  L1HeadPoller(LabelReader reader, EventSink sink) {
    this.reader = reader;
    this.sink = sink;
  }

  /** Schedules the polls on {@code scheduler}; fixed delays, so a slow poll never overlaps itself. */
  void start(ScheduledExecutorService scheduler, long headIntervalMillis, long epochIntervalMillis) {
    scheduler.scheduleWithFixedDelay(this::pollHead, 0, headIntervalMillis, TimeUnit.MILLISECONDS);
    scheduler.scheduleWithFixedDelay(this::pollEpoch, 0, epochIntervalMillis, TimeUnit.MILLISECONDS);
  }

  void pollHead() {
    poll(head);
  }

  void pollEpoch() {
    poll(safe);
    poll(finalized);
  }

  private void poll(Label label) {
    try {
      L1BlockRef ref = reader.read(label.name);
      if (!ref.equals(label.last)) {
        label.last = ref;
        sink.publish(label.event.apply(ref));
      }
    } catch (CallFailure f) {
      LOG.warn("L1 '{}' poll failed, retrying next tick: {}", label.name, f.detail());
    } catch (RuntimeException e) {
      // A scheduled task that throws is never run again; keep polling whatever went wrong.
      LOG.warn("L1 '{}' poll failed unexpectedly, retrying next tick", label.name, e);
    }
  }

  /** One polled label and the block last published for it (touched only by the poll thread). */
  private static final class Label {
    final String name;
    final Function<L1BlockRef, InputEvent> event;
    L1BlockRef last;

    Label(String name, Function<L1BlockRef, InputEvent> event) {
      this.name = name;
      this.event = Objects.requireNonNull(event);
    }
  }
}
