/**
 * How work flows inside the core during one event: correlation ids and what each outstanding
 * request was for ({@link dev.basalt.core.flow.Requests}), the commands and inter-component signals
 * of the event ({@link dev.basalt.core.flow.Outbox}, {@link dev.basalt.core.flow.Signal}), and retry
 * backoff driven by clock events.
 *
 * <p>Invariants: correlation ids come from one counter that only increases and is part of the
 * state hash; every outstanding request is answered at most once (a second answer, or an answer
 * from before a restart, is recognised as unknown and ignored); signals are delivered in FIFO order
 * and none survives the event that raised it; retries wait on clock events, never in a loop.
 */
package dev.basalt.core.flow;
