/**
 * The node's core run inside the simulated world on one thread: every command the core emits is
 * answered by the {@link dev.basalt.testdata.world.SimWorld}, wakeups fire on a virtual clock and
 * nothing reads the wall clock, so a run is a pure function of the world's seed and the driver's
 * calls. Benchmarks (catch-up speed, the core's CPU time per block) and whole-node simulations are
 * built on it.
 */
package dev.basalt.testdata.sim;
