package dev.basalt.adapters.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.basalt.adapters.ring.EventSink;
import dev.basalt.core.engine.EngineResponse;
import dev.basalt.core.event.EngineResponseReceived;
import dev.basalt.core.event.FailureKind;
import dev.basalt.core.event.InputEvent;
import dev.basalt.core.event.RequestFailed;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** An {@link EventSink} that keeps what adapters publish, with the publishing thread's name. */
final class RecordingSink implements EventSink {
  record Published(InputEvent event, String thread) {}

  private final LinkedBlockingQueue<Published> queue = new LinkedBlockingQueue<>();
  private final List<Published> all = new CopyOnWriteArrayList<>();

  @Override
  public boolean publish(InputEvent event) {
    Published p = new Published(event, Thread.currentThread().getName());
    all.add(p);
    queue.add(p);
    return true;
  }

  @Override
  public boolean tryPublish(InputEvent event) {
    return publish(event);
  }

  /** The next event, waiting up to 15 s. */
  Published next() throws InterruptedException {
    Published p = queue.poll(15, TimeUnit.SECONDS);
    assertNotNull(p, "no event published within 15 s");
    return p;
  }

  /** The next event, which must answer {@code correlationId} successfully. */
  EngineResponse response(long correlationId) throws InterruptedException {
    InputEvent e = next().event();
    EngineResponseReceived r = assertInstanceOf(EngineResponseReceived.class, e, () -> "expected a response, got " + e);
    assertEquals(correlationId, r.correlationId());
    return r.response();
  }

  /** The next event, which must be a failure of {@code correlationId} of this kind. */
  RequestFailed failure(long correlationId, FailureKind kind) throws InterruptedException {
    InputEvent e = next().event();
    RequestFailed f = assertInstanceOf(RequestFailed.class, e, () -> "expected a failure, got " + e);
    assertEquals(correlationId, f.correlationId());
    assertEquals(kind, f.kind(), f.detail());
    return f;
  }

  List<Published> all() {
    return all;
  }

  /** How many events answered {@code correlationId} so far. */
  long answersFor(long correlationId) {
    return all.stream().filter(p -> switch (p.event()) {
      case EngineResponseReceived r -> r.correlationId() == correlationId;
      case RequestFailed f -> f.correlationId() == correlationId;
      default -> false;
    }).count();
  }
}
