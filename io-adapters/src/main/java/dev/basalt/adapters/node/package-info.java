/**
 * Assembles a running node: recovers the core from the journal (snapshot plus replay of the tail),
 * starts the ring and the adapters, routes commands, and shuts everything down in order.
 *
 * <p>Invariants: a restarted node continues the same journal with contiguous sequence numbers and
 * the core state it had when it stopped; the first event after (re)start is {@code NodeStarted}.
 */
package dev.basalt.adapters.node;
