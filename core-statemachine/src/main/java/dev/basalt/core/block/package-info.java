/**
 * Block-level commitments: {@link dev.basalt.core.block.BlockHeader} hashing for L1 and L2 headers
 * of every fork, withdrawals (trie items) and the L2 {@link dev.basalt.core.block.OutputRoot}.
 *
 * <p>Invariants: a header holds exactly the fields of its fork, in protocol order, so its hash is
 * keccak256 of its canonical RLP; decoding is strict and the inverse of encoding. Nothing here
 * knows JSON: adapters and test helpers build headers from their own formats.
 */
package dev.basalt.core.block;
