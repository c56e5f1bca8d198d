/**
 * Scenario tests of the whole core against the scripted world: derivation with building and
 * consolidation, the engine's failure classes, sync starts (start, L1 reorg, admin reset,
 * restart), finality, execution-layer sync, posted unsafe blocks and missing blobs.
 *
 * <p>Invariants: each scenario states what it checks in terms of commands and published status
 * only, never internal fields, so the tests survive refactoring of the components.
 */
package dev.basalt.core.scenario;
