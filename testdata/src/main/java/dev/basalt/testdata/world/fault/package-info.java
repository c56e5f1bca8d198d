/**
 * Fault injection for the simulated world: what can go wrong with a call ({@link
 * dev.basalt.testdata.world.fault.Fault}) and which calls it hits ({@link
 * dev.basalt.testdata.world.fault.FaultPlan}).
 *
 * <p>Invariants: a fault changes only how a call is answered, never the world's state (a dropped
 * answer's call still takes effect); the same plan drives in-process and HTTP access.
 */
package dev.basalt.testdata.world.fault;
