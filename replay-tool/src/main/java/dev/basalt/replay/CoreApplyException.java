package dev.basalt.replay;

import dev.basalt.core.event.InputEvent;

/**
 * {@code Core.apply} threw while replaying input {@link #inputSeq()}: a bug in the core (or a
 * journal the core cannot accept, such as one not starting with {@code NodeStarted}). The cause
 * carries the core's stack trace.
 */
public final class CoreApplyException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final long inputSeq;
  private final transient InputEvent event;

  public CoreApplyException(long inputSeq, InputEvent event, RuntimeException cause) {
    super("core threw applying input " + inputSeq + " (" + event + "): " + cause, cause);
    this.inputSeq = inputSeq;
    this.event = event;
  }

  public long inputSeq() {
    return inputSeq;
  }

  public InputEvent event() {
    return event;
  }
}
