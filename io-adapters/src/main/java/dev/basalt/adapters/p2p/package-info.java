/**
 * The node's P2P service: the libp2p host with block gossip on the chain's four topics, bans, the
 * bridge that turns messages to validate into ring events and the core's verdicts back into router
 * decisions, and publishing of sequenced blocks.
 *
 * <p>Invariants: the ring is never blocked from a network thread (a full ring sheds the message as
 * IGNORE); bans expire; the service owns the host and closes it.
 */
package dev.basalt.adapters.p2p;
