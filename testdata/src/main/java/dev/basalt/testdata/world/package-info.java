/**
 * Simulated worlds the node runs against: an in-process L1 chain and execution engine for the
 * local devnet ({@code basalt node --dev}) and for fast end-to-end tests.
 *
 * <p>Invariants: a world answers every request it takes exactly once, from its own thread, and
 * everything it generates is derived from its seed.
 */
package dev.basalt.testdata.world;
