package dev.basalt.core.command;

import java.util.Objects;

/**
 * Stop the node: derivation met something it can never get past (a malformed deposit log, an
 * invalid deposits-only block, an engine on another chain). op-node shuts down on such a critical
 * error; the core asks for it as a command instead of throwing, because an exception from the
 * core means a bug, not a protocol outcome. No answer: the core ignores every later event until the
 * next {@code NodeStarted}.
 */
public record HaltNode(String reason) implements Command {
  public HaltNode {
    Objects.requireNonNull(reason, "reason");
  }
}
