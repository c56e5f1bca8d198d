/**
 * Benchmarks: a benchmark command ({@link dev.basalt.bench.BenchMain}) that measures whole-system
 * throughput (journal, ring, replay) and prints figures, plus JMH microbenchmarks.
 *
 * <p>Invariants: benchmarks never run as part of the test suite; every figure printed is measured
 * on the machine it runs on, with warm-up rounds discarded.
 */
package dev.basalt.bench;
