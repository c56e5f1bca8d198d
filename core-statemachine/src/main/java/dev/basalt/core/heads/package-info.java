/**
 * Head bookkeeping: the L1 head / safe / finalized blocks the node has observed and the L2
 * unsafe / safe / finalized blocks it has made canonical.
 *
 * <p>Invariants: for L2, {@code finalized <= safe <= unsafe} by number at all times and finalized
 * never moves back; a change that would break this is a bug and throws. L1 labels come from the
 * outside world, so inconsistent observations are reconciled (a stale head below finalized is
 * ignored) rather than trusted.
 */
package dev.basalt.core.heads;
