/**
 * Test data for every module: real vectors (under {@code src/main/resources/vectors}, each with
 * its provenance), seeded generators, and the simulated world.
 *
 * <p>Invariants: everything random here is drawn from {@link dev.basalt.testdata.gen.SimRng}
 * seeded explicitly, so any failure reproduces from its seed.
 */
package dev.basalt.testdata;
