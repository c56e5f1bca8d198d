/**
 * The engine controller: the single writer of the L2 heads and the only user of the Engine API.
 * {@link dev.basalt.core.engine.control.EngineController} runs engine tasks (consolidate or build
 * derived attributes, insert posted blocks, finalize, sync start, execution-layer sync) one at a
 * time in FIFO order; each task is a small state machine that issues one call and continues with its
 * answer.
 *
 * <p>Invariants: at most one engine call in flight, issued in event order; heads change only after
 * the engine answered {@code VALID} for them, and {@code SYNCING} or {@code ACCEPTED} never promotes a
 * safe or finalized head; every failure is classified (temporary: retried after a bounded
 * exponential backoff driven by wakeups; reset: a sync start; critical: a halt), never thrown; an
 * answer the controller no longer waits for is dropped by its correlation id.
 */
package dev.basalt.core.engine.control;
