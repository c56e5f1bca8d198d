/**
 * The derivation driver: owns the {@link dev.basalt.core.derive.pipeline.DerivationPipeline},
 * steps it within a per-event budget, fetches what it asks for and keeps it in lockstep with the
 * engine controller.
 *
 * <p>Invariants: at most one fetch outstanding (so repeated needs are never fetched twice); L1 blocks
 * are fetched only once they are the configured confirmation depth under the L1 head; answers to
 * fetches the driver stopped waiting for (after a reset or restart) are ignored by correlation id;
 * at most one derived block is with the engine controller; the L2 view is a bounded cache of
 * canonical blocks, emptied on every reset.
 */
package dev.basalt.core.derive.driver;
