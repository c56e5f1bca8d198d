/**
 * The L1 end of the pipeline: {@link dev.basalt.core.derive.pipeline.l1.L1Traversal} walks the
 * canonical L1 chain one block at a time (op-node {@code l1_traversal.go}) and {@link
 * dev.basalt.core.derive.pipeline.l1.L1Retrieval} turns each block into batcher data (op-node
 * {@code l1_retrieval.go}, {@code calldata_source.go}, {@code blob_data_source.go}).
 *
 * <p>Invariants: the traversal only ever moves to a block whose parent hash is its current origin
 * (anything else is a reset); the system config it keeps is the one retrieval filters senders
 * with; retrieval reads data only from transactions to the batch inbox signed by that config's
 * batcher, and holds at most one block's data at a time.
 */
package dev.basalt.core.derive.pipeline.l1;
