package dev.basalt.core.event;

/** op-conductor's answer to {@code CheckConductorLeader} {@code correlationId}: is this node the leader. */
public record ConductorLeaderChecked(long correlationId, boolean leader) implements InputEvent {}
