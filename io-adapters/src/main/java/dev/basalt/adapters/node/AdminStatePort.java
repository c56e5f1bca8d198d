package dev.basalt.adapters.node;

import dev.basalt.core.command.PersistSequencerState;

/** Records the sequencer's started/stopped state for the next process ({@code --rpc.admin-state}). */
public interface AdminStatePort {
  /** Without {@code --rpc.admin-state} nothing is recorded. */
  AdminStatePort NONE = command -> {};

  void persist(PersistSequencerState command);
}
