/**
 * The deterministic core of the node: {@link dev.basalt.core.Core#apply} turns one input event into
 * a list of commands. Inside the core, {@code EventRouter} hands an event to the component it
 * concerns, {@code SignalRouter} delivers what the components raise for each other, and {@code
 * CoreState} holds the components and owns the snapshot layout and the state description.
 *
 * <p>Invariants of everything under {@code dev.basalt.core}: single-threaded; no clock (time is an
 * event), no I/O, no threads, no unseeded randomness, no reflection; no iteration of a hash-ordered
 * collection where the order can reach state, commands or encodings. The same sequence of events
 * always yields the same commands and the same state hash. {@code DeterminismRulesTest} and the
 * forbiddenapis check enforce this at build time.
 */
package dev.basalt.core;
