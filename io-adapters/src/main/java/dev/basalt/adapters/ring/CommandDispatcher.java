package dev.basalt.adapters.ring;

import dev.basalt.core.command.Command;

/**
 * Carries out one command. Must not block for long (hand the work to an adapter's own threads)
 * and must never publish into the ring from the calling thread.
 */
public interface CommandDispatcher {
  void dispatch(Command command);
}
