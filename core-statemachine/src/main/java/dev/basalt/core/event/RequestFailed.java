package dev.basalt.core.event;

import java.util.Objects;

/** Answer to any command with a correlation id when the adapter could not carry it out. */
public record RequestFailed(long correlationId, FailureKind kind, String detail) implements InputEvent {
  public RequestFailed {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(detail, "detail");
  }
}
