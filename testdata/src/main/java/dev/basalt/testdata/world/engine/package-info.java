/**
 * The fake OP execution engine: a block tree with real header hashing, blocks built from payload
 * attributes as an OP engine fills the header, Engine API semantics (forkchoice updates, new
 * payloads, payload building, block reads by number, hash and label) with per-fork method
 * versions, fault injection (SYNCING, INVALID by predicate, restarts that lose unpersisted
 * blocks), oracle mode for real chains, and an in-process responder for the core's engine commands.
 *
 * <p>Invariants: every stored block's hash is its header's hash; the canonical chain is the head's
 * ancestry; {@code finalized} and {@code safe} are ancestors of the head; execution results are
 * pseudo values (see {@link dev.basalt.testdata.world.engine.PseudoExecution}) that are
 * deterministic but not EVM-accurate. The engines of one world execute and hash through one
 * {@link dev.basalt.testdata.world.engine.EngineMemo} (matched by value, bounded), so a block the
 * sequencer built is not executed again when the node's engine builds or receives it.
 */
package dev.basalt.testdata.world.engine;
