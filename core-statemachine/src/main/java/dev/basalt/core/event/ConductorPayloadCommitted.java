package dev.basalt.core.event;

/** op-conductor committed the sealed block of {@code CommitUnsafePayload} {@code correlationId}. */
public record ConductorPayloadCommitted(long correlationId) implements InputEvent {}
