/**
 * The block-gossip wire forms a sequencer needs before a P2P stack exists: the SSZ encoding of
 * execution payloads per gossip topic version and the block signing hash (rollup-node-p2p spec,
 * op-node {@code op-service/eth/ssz.go} and {@code op-node/p2p/signer.go}).
 *
 * <p>Invariants: pure functions of their inputs; byte layouts follow op-node exactly (little-endian
 * SSZ integers, v3/v4 prefix the 32-byte parent beacon block root by plain concatenation).
 */
package dev.basalt.core.p2p;
