/**
 * Input events: past-tense facts about the world, the only way anything reaches the core.
 *
 * <p>Invariants: every event is an immutable record with content equality; an event that answers a
 * command echoes that command's correlation id; an event carries every fact the core uses (time
 * included), so replaying the journaled events reproduces the run exactly.
 */
package dev.basalt.core.event;
