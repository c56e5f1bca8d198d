/**
 * Offline replay of a journal: verify that the core reproduces every recorded command and state
 * hash ({@link dev.basalt.replay.ReplayVerifier}), show the state after any input
 * ({@link dev.basalt.replay.StateInspector}), print inputs as JSON lines
 * ({@link dev.basalt.replay.EventPrinter}) and find where two journals part
 * ({@link dev.basalt.replay.JournalDiff}).
 *
 * <p>Invariants: replay only reads a journal, never appends to it; the core is driven on the
 * calling thread, one event at a time, in sequence order, exactly as the node's core thread did;
 * replay starts either from a fresh core at sequence 0 or from a snapshot S followed by inputs
 * S+1 onwards, never from anything else; the first divergence is reported at the input where it
 * shows, and nothing after it is trusted; an exception from the core is reported as a core bug,
 * never swallowed or skipped.
 */
package dev.basalt.replay;
