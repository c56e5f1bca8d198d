package dev.basalt.adapters.ring;

/**
 * Stops the node after a fatal error. The ring calls it from the failing handler's thread and then
 * stops that handler, so the failing event is never skipped.
 */
public interface Halter {
  void halt(String reason, Throwable cause);
}
