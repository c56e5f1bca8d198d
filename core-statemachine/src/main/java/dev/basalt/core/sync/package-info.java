/**
 * Sync start: finding where the unsafe chain, derivation and finality restart from the engine's
 * own heads and the canonical L1 chain ({@link dev.basalt.core.sync.FindL2Heads}, op-node's {@code
 * FindL2Heads}).
 *
 * <p>Invariants: pure; driven one answer at a time and never waits on anything but the answer it
 * asked for; it never walks below the engine's finalized block; an engine or L1 on another chain is
 * reported as critical, every other inconsistency as a failed attempt to be retried.
 */
package dev.basalt.core.sync;
