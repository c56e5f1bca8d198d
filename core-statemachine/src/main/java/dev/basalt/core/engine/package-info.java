/**
 * Execution-engine vocabulary: Engine API results, forkchoice state, payloads and attributes, and
 * the method version per fork ({@link dev.basalt.core.engine.EngineVersions}). The controller that
 * uses them lives in {@code dev.basalt.core.engine.control}.
 *
 * <p>Invariants: immutable values; the core is the single writer of the forkchoice it sends, and
 * {@code SYNCING} is never treated as success for a head it must vouch for.
 */
package dev.basalt.core.engine;
