/**
 * The clock adapter: the only place wall-clock time enters the node, as periodic
 * {@code ClockTicked} events and as {@code WakeupFired} answers to the core's
 * {@code ScheduleWakeup} commands.
 *
 * <p>Invariants: one daemon scheduler thread; a wakeup is answered exactly once, no earlier than
 * requested.
 */
package dev.basalt.adapters.clock;
