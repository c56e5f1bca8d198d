/**
 * Merkle-Patricia trie roots: {@link dev.basalt.core.trie.OrderedTrie} for position-keyed lists
 * (transactions, receipts, withdrawals) over a general one-pass {@link
 * dev.basalt.core.trie.PatriciaTrie} root builder.
 *
 * <p>Invariants: roots only, no node storage or proofs; the result depends on the set of entries,
 * never on the order they are given in; keys must be distinct and values non-empty (an empty value
 * means "absent" in a trie).
 */
package dev.basalt.core.trie;
