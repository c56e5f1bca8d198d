package dev.basalt.adapters.engine;

import dev.basalt.core.event.FailureKind;
import java.util.Objects;

/** A read-only engine query ({@link EngineReader}) that got no usable answer. */
public final class EngineReadException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final FailureKind kind;

  public EngineReadException(FailureKind kind, String message) {
    super(message, null, false, false);
    this.kind = Objects.requireNonNull(kind, "kind");
  }

  /** Why: transport, timeout, the engine's error object ({@code REMOTE_ERROR}), or a bad answer. */
  public FailureKind kind() {
    return kind;
  }
}
