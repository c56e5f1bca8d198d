package dev.basalt.core.event;

/** A wakeup the core asked for with {@code ScheduleWakeup} fired at {@code nowMillis}. */
public record WakeupFired(long correlationId, long nowMillis) implements InputEvent {}
