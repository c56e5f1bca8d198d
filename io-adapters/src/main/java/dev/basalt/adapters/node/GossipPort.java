package dev.basalt.adapters.node;

import dev.basalt.core.command.ResolveGossipMessage;

/**
 * Where the core's gossip verdicts go: the gossip router, which finishes the pending validation of
 * the message (forward, penalise, or drop). Called on the dispatcher thread: must return quickly
 * and never throw.
 */
@FunctionalInterface
public interface GossipPort {
  /** No P2P stack: verdicts are journaled and otherwise dropped. */
  GossipPort NONE = c -> {};

  void resolve(ResolveGossipMessage verdict);
}
