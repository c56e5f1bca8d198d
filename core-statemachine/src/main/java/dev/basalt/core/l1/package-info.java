/**
 * What the core knows of L1 blocks: the derivation-relevant content of one block ({@link
 * dev.basalt.core.l1.L1Block}: reference, header fields of the L1-info deposit, batch-inbox
 * transactions, deposit and system-config logs) and blob references.
 *
 * <p>Invariants: immutable values; the L1 adapter fills them in and the core checks every hash it
 * relies on (parent links, origins) itself.
 */
package dev.basalt.core.l1;
