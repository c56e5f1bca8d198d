/**
 * Batches: the validity rules (op-node {@code batches.go}, kona {@code single.rs}/{@code span.rs})
 * and the stages that apply them, the pre-Holocene {@code BatchQueue} with its reordering window
 * and the Holocene {@code BatchStage} with strict ordering, switched by {@code BatchMux}.
 *
 * <p>Invariants: a batch handed on builds on the given safe head (its parent hash is set to it)
 * and passed every rule of its fork; the L1 window holds consecutive blocks from the safe head's
 * epoch and at most a sequencing window of them; a check that needs an L2 block keeps the batch
 * instead of deciding without it; no rule throws on any batch content.
 */
package dev.basalt.core.derive.pipeline.batches;
