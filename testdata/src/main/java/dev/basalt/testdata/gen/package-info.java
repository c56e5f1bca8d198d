/**
 * Seeded generators: our own PRNG ({@link dev.basalt.testdata.gen.SimRng}) and random instances of
 * every event, command and value type for property tests.
 *
 * <p>Invariants: the same seed yields the same values on every JVM; a generator never reads any
 * other source of randomness.
 */
package dev.basalt.testdata.gen;
