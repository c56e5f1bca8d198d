/**
 * The derivation pipeline: L1 blocks in, L2 payload attributes out, exactly as op-node derives
 * them from Bedrock through Karst. {@link dev.basalt.core.derive.pipeline.DerivationPipeline} is
 * the facade; the stages live in the subpackages, in pipeline order {@code l1} (traversal,
 * retrieval), {@code frames}, {@code channels} (bank or assembler, reader), {@code batches} (queue
 * or stage) and {@code attributes}. Stages pull from their predecessor and answer with a {@link
 * dev.basalt.core.derive.pipeline.Pull}; the facade turns what reaches it into a {@link
 * dev.basalt.core.derive.pipeline.StepResult}.
 *
 * <p>Invariants: pure and single-threaded; every expected protocol outcome (bad data, an invalid
 * batch, a reorg, missing data) is a value, and an exception means a bug; all state is bounded
 * (one transaction's frames, the channel bank or one staging channel, one channel being read, a
 * sequencing window of L1 blocks and batches) and written to snapshots and the state hash by every
 * stage; a missing L1 block, blob or L2 block is asked for, never waited on.
 */
package dev.basalt.core.derive.pipeline;
