package dev.basalt.core.event;

import dev.basalt.core.CoreConfig;
import java.util.Objects;

/**
 * The node process started (first start or restart) with this configuration. Requests issued
 * before it are lost: nothing will answer them.
 */
public record NodeStarted(CoreConfig config, long nowMillis) implements InputEvent {
  public NodeStarted {
    Objects.requireNonNull(config, "config");
  }
}
