/**
 * A scripted world for the core's scenario tests: an in-memory L1 chain, the world's true L2 chain
 * and batcher (built with the core's own attributes preparer and encoders), a toy execution engine,
 * and a harness that steps the core against them on a virtual clock.
 *
 * <p>Invariants: deterministic (no clock, no threads, no randomness unless seeded); the world
 * answers commands synchronously ({@code handle(Command) -> events}), the shape of the full
 * simulated world in {@code testdata}; every scenario also checks the L2 head order after each event
 * and runs a core restored from snapshots alongside the real one.
 */
package dev.basalt.core.world;
