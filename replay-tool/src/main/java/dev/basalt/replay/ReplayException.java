package dev.basalt.replay;

/**
 * A replay that cannot start or go on for a reason outside the core: no snapshot covers deleted
 * inputs, a snapshot does not decode, a requested sequence number is not in the journal.
 */
public final class ReplayException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ReplayException(String message) {
    super(message);
  }

  public ReplayException(String message, Throwable cause) {
    super(message, cause);
  }
}
