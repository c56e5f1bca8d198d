package dev.basalt.core.command;

import dev.basalt.core.engine.ForkchoiceState;
import java.util.Objects;

/** Call {@code engine_forkchoiceUpdated} with this state and no payload attributes. */
public record SendForkchoiceUpdate(long correlationId, ForkchoiceState state) implements Command, Request {
  public SendForkchoiceUpdate {
    Objects.requireNonNull(state, "state");
  }
}
