/**
 * Connection management (op-node's libp2p connection manager with static-peer monitoring, kona's
 * dial limits): {@link dev.basalt.adapters.p2p.peers.PeerManager} trims connections above the high
 * tide down to the low tide, lowest gossip score first, never touching static or protected peers or
 * connections younger than the grace period; dials discovered peers while below the low tide;
 * redials static peers (always) and peers that dropped us (while below the low tide) with backoff;
 * caps dials per address per period ({@link dev.basalt.adapters.p2p.peers.DialBudget}); and closes
 * the duplicate of a simultaneous open (both sides keep the connection dialed by the lower peer id).
 *
 * <p>Invariants: one daemon thread does the work on a fixed tick (no spinning); connection events
 * only update maps; the redial list and the dial budget are bounded; a peer we dropped ourselves
 * (trimmed, banned, disconnected by RPC) is not redialed unless static.
 */
package dev.basalt.adapters.p2p.peers;
