package dev.basalt.core.event;

/** The wall clock read {@code nowMillis} (Unix epoch milliseconds). */
public record ClockTicked(long nowMillis) implements InputEvent {}
