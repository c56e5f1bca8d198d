package dev.basalt.core.p2p;

/**
 * The gossipsub validation result of a block message (libp2p {@code ValidationResult}): ACCEPT
 * delivers and forwards it, REJECT drops it and penalises the sender (invalid-message deliveries),
 * IGNORE drops it without penalty.
 */
public enum GossipOutcome {
  ACCEPT,
  REJECT,
  IGNORE
}
