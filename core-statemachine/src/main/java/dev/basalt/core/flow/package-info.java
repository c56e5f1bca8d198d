/**
 * Request bookkeeping inside the core: correlation ids, what each outstanding request was for,
 * and retry backoff driven by clock events.
 *
 * <p>Invariants: correlation ids come from one counter that only increases and is part of the
 * state hash; every outstanding request is answered at most once (a second answer, or an answer
 * from before a restart, is recognised as unknown and ignored); retries wait on clock events, never
 * in a loop.
 */
package dev.basalt.core.flow;
