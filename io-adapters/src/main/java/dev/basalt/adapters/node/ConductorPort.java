package dev.basalt.adapters.node;

import dev.basalt.core.command.CheckConductorLeader;
import dev.basalt.core.command.CommitUnsafePayload;

/**
 * Carries out the core's op-conductor requests; answers ({@code ConductorPayloadCommitted},
 * {@code ConductorLeaderChecked} or {@code RequestFailed}) arrive as events from its own threads.
 */
public interface ConductorPort {
  /** No conductor configured: the core never asks one then, so a request is a wiring bug, answered as failed. */
  ConductorPort NONE = new ConductorPort() {
    @Override
    public void commit(CommitUnsafePayload command) {
      throw new IllegalStateException("no op-conductor is configured (--conductor.enabled)");
    }

    @Override
    public void checkLeader(CheckConductorLeader command) {
      throw new IllegalStateException("no op-conductor is configured (--conductor.enabled)");
    }
  };

  void commit(CommitUnsafePayload command);

  void checkLeader(CheckConductorLeader command);
}
