package dev.basalt.core.command;

/** A command that expects an answer event echoing {@link #correlationId()}. */
public interface Request {
  long correlationId();
}
