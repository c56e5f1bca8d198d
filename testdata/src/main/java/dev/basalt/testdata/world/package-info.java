/**
 * The simulated world the node runs against: a fake L1 with a beacon side ({@code world.l1}), a
 * fake execution engine ({@code world.engine}), the world's own sequencer and batcher producing a
 * realistic OP chain ({@code world.rollup}), faults ({@code world.fault}), tied together from one
 * seed by {@link dev.basalt.testdata.world.SimWorld}. {@link dev.basalt.testdata.world.DevWorld}
 * runs it on the wall clock for the local devnet.
 *
 * <p>Invariants: everything the world generates is derived from its seed (no clock or unseeded
 * randomness inside the world's logic; only the devnet maps wall time onto it); in-process, a
 * world-facing command gets the events its adapter would deliver, exactly once unless a fault
 * says otherwise.
 */
package dev.basalt.testdata.world;
