/**
 * The safe-head database: for each processed L1 block, the safe L2 head once it was processed,
 * persisted for {@code optimism_safeHeadAtL1Block} ({@link dev.basalt.adapters.safedb.FileSafeHeadStore}).
 *
 * <p>Invariants: records are sorted by strictly increasing L1 number, one per L1 block; every
 * record carries a CRC and is fsynced before readers see it; reopening after a crash keeps exactly
 * the longest valid prefix; the dispatcher never blocks on the disk and never sees an exception.
 */
package dev.basalt.adapters.safedb;
