package dev.basalt.core.command;

/**
 * The sequencer was started or stopped (by the admin API, or by the configuration at a start):
 * record it for the next process (op-node's {@code --rpc.admin-state} file, {@code
 * {"sequencerStarted": bool}}), which then starts in that state whatever {@code
 * --sequencer.stopped} says. No answer; without {@code --rpc.admin-state} the adapter ignores it.
 */
public record PersistSequencerState(boolean started) implements Command {}
