/**
 * Roots of the world's position-keyed tries (transactions and receipts of every block the fake L1
 * and the fake engine build), computed for the short lists blocks hold without building a general
 * trie, with receipt leaves' hashes remembered by value.
 *
 * <p>Invariants: every root equals {@link dev.basalt.core.trie.OrderedTrie#root} over the same
 * values (longer or unusual lists go straight to it); the leaf memo is bounded, keyed by
 * everything a leaf's encoding holds (its path and value, compared by value), never iterated and
 * never snapshotted, so it cannot change an answer.
 */
package dev.basalt.testdata.world.trie;
