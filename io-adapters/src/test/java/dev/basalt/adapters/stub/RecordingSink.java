package dev.basalt.adapters.stub;

import dev.basalt.adapters.ring.EventSink;
import dev.basalt.core.event.InputEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** An {@link EventSink} that keeps what is published, for tests to take in order. */
public final class RecordingSink implements EventSink {
  private final LinkedBlockingQueue<InputEvent> events = new LinkedBlockingQueue<>();

  @Override
  public boolean publish(InputEvent event) {
    events.add(event);
    return true;
  }

  @Override
  public boolean tryPublish(InputEvent event) {
    return publish(event);
  }

  /** The next event, waiting up to {@code timeoutMillis}; fails the test when none comes. */
  public InputEvent take(long timeoutMillis) {
    try {
      InputEvent e = events.poll(timeoutMillis, TimeUnit.MILLISECONDS);
      if (e == null) {
        throw new AssertionError("no event within " + timeoutMillis + " ms");
      }
      return e;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }

  /** Everything published so far and not yet taken. */
  public List<InputEvent> drain() {
    List<InputEvent> out = new ArrayList<>();
    events.drainTo(out);
    return out;
  }
}
