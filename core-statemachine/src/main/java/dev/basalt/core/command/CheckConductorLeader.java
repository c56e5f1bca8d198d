package dev.basalt.core.command;

/**
 * Ask op-conductor whether this node's sequencer is the leader ({@code conductor_leader}), before
 * {@code admin_startSequencer} may start it. Answered by {@code ConductorLeaderChecked} or {@code
 * RequestFailed}.
 */
public record CheckConductorLeader(long correlationId) implements Command, Request {}
