/**
 * The world's own rollup: a sequencer that seals the true L2 chain on its own engine with the
 * core's attributes preparer, a batcher that posts it to the simulated L1 (channels, frames,
 * calldata or blobs, optional misbehaviour), and the true chain tests compare the node with.
 *
 * <p>Invariants: every true block reads back with {@code PayloadBlockInfo}; every L1 origin is
 * canonical (the sequencer rewinds after a reorg takes one away); the batcher posts each true block
 * in exactly one valid channel from the current batcher key, whatever faults it adds.
 */
package dev.basalt.testdata.world.rollup;
