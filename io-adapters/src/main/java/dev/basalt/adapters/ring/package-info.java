/**
 * The input ring: one multi-producer LMAX Disruptor whose consumers run in a fixed order —
 * journal, then core, then command dispatch — each on its own thread.
 *
 * <p>Invariants: the core sees an event only after the journal has appended it; every event is
 * applied exactly once and in journal order; an exception in any stage halts the node (the failing
 * event is neither skipped nor retried); no stage busy-spins.
 */
package dev.basalt.adapters.ring;
