/**
 * Block gossip in the core: the wire forms (SSZ payload layouts per topic version, the snappy
 * block format, the block signing hash) and the validation of received block messages by op-node's
 * rules and order ({@link dev.basalt.core.p2p.GossipValidator}), with the verdict returned to the
 * gossip router as a command and accepted blocks handed to the engine controller as unsafe
 * payloads (rollup-node-p2p spec; op-node {@code op-node/p2p/gossip.go}, {@code
 * op-service/eth/ssz.go}, {@code op-node/p2p/signer.go}).
 *
 * <p>Invariants: pure functions of their inputs and the validator's state (the unsafe-block signer
 * as last observed and the hashes seen per height, both snapshotted); time is the message's receive
 * time from its event; byte layouts follow op-node exactly; malformed input of any kind is a
 * verdict, never an exception.
 */
package dev.basalt.core.p2p;
