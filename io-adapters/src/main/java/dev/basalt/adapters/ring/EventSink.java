package dev.basalt.adapters.ring;

import dev.basalt.core.event.InputEvent;

/** Where adapters publish the events they observe. Safe to call from any thread. */
public interface EventSink {
  /**
   * Publishes an event, waiting for ring space if needed. Returns false when the node is shutting
   * down or halted and no longer accepts events. Never call this from a ring handler thread.
   */
  boolean publish(InputEvent event);

  /**
   * Publishes only if the ring has space right now; for network-facing adapters that must shed
   * load instead of blocking an event loop.
   */
  boolean tryPublish(InputEvent event);
}
