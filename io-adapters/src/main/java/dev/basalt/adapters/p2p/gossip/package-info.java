/**
 * GossipSub v1.1 for OP Stack block gossip: the protobuf RPC codec, op-node's message-id function,
 * the router ({@link dev.basalt.adapters.p2p.gossip.GossipRouter}, a single-threaded state machine with
 * meshes, fanout, IHAVE/IWANT, GRAFT/PRUNE with backoff, StrictNoSign; its parts {@code
 * MessageDelivery}, {@code LazyGossip} and {@code MeshMaintenance} share one {@code RouterState})
 * and peer scoring with op-node's parameters.
 *
 * <p>Invariants: the router is driven by one thread and takes the time as an argument, so it runs
 * the same against sockets and in tests; everything a peer can make it hold is bounded (pending
 * validations per peer and in total, IHAVE ids per heartbeat, message cache windows, seen-message
 * TTL, delivery records); validation is the core's (the router publishes the message as an event
 * and acts on the verdict command), with op-node's 3 s timeout as ignore.
 */
package dev.basalt.adapters.p2p.gossip;
