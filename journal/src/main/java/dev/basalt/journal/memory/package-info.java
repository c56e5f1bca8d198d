/**
 * In-memory journal and snapshot store for tests and the simulator: same contract as the
 * Chronicle-backed ones, no files, no codecs.
 *
 * <p>Invariants: records are kept as decoded objects in append order; sequence numbers are
 * contiguous from 0.
 */
package dev.basalt.journal.memory;
