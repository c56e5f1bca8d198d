package dev.basalt.core.event;

import dev.basalt.core.engine.EngineResponse;
import java.util.Objects;

/** Answer from the execution engine to an Engine API command. */
public record EngineResponseReceived(long correlationId, EngineResponse response) implements InputEvent {
  public EngineResponseReceived {
    Objects.requireNonNull(response, "response");
  }
}
