/**
 * Execution-engine vocabulary (Engine API results and forkchoice state) and, from the validator
 * issue on, the engine controller that owns the L2 heads.
 *
 * <p>Invariants: the core is the single writer of the forkchoice it sends; {@code SYNCING} is never
 * treated as success for a head it must vouch for.
 */
package dev.basalt.core.engine;
