/**
 * The node's P2P service: the libp2p host with block gossip on the chain's four topics, bans, the
 * bridge that turns messages to validate into ring events and the core's verdicts back into router
 * decisions, and publishing of sequenced blocks ({@link dev.basalt.adapters.p2p.GossipPayloadPublisher}); op-node's
 * {@code opp2p_*} RPC methods ({@link dev.basalt.adapters.p2p.P2pMethods}) and the P2P Prometheus series
 * ({@link dev.basalt.adapters.p2p.P2pMetrics}).
 *
 * <p>Invariants: the ring is never blocked from a network thread (a full ring sheds the message as
 * IGNORE); bans expire; the service owns the host and closes it.
 */
package dev.basalt.adapters.p2p;
