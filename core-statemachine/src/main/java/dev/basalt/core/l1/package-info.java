/**
 * L1 chain tracking: a bounded window of recently fetched L1 blocks used to detect reorgs by
 * parent hash.
 *
 * <p>Invariants: the window holds at most {@link dev.basalt.core.l1.L1Window#CAPACITY} blocks and
 * is always a contiguous parent-linked chain ending at the newest block.
 */
package dev.basalt.core.l1;
