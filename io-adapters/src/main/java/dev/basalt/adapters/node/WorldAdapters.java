package dev.basalt.adapters.node;

/** The adapters a node talks to the world through, with their lifecycle. */
public interface WorldAdapters extends AutoCloseable {
  /** Handlers for the core's world-facing commands. */
  CommandHandlers handlers();

  /** Starts polling and listening (publishing events into the sink given at creation). */
  void start();

  /** Stops publishing and releases resources. */
  @Override
  void close();
}
