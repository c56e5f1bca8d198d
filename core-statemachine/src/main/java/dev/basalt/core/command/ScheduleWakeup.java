package dev.basalt.core.command;

/** Deliver a {@code WakeupFired} with this correlation id once the clock reaches {@code atMillis}. */
public record ScheduleWakeup(long correlationId, long atMillis) implements Command, Request {}
