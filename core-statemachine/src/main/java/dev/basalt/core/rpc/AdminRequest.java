package dev.basalt.core.rpc;

import dev.basalt.core.engine.ExecutionPayloadEnvelope;
import dev.basalt.core.types.Hash32;
import java.util.Objects;

/** A state-changing {@code admin_*} request, decoded by the RPC adapter. */
public sealed interface AdminRequest {

  /** {@code admin_resetDerivationPipeline}: restart from a sync start against the engine's heads. */
  record ResetDerivationPipeline() implements AdminRequest {}

  /**
   * {@code admin_postUnsafePayload}: a block to insert on top of the unsafe chain (op-conductor
   * posts the leader's blocks this way; gossip later arrives by the same path). The core checks the
   * block hash against the header it implies before anything reaches the engine.
   */
  record PostUnsafePayload(ExecutionPayloadEnvelope envelope) implements AdminRequest {
    public PostUnsafePayload {
      Objects.requireNonNull(envelope, "envelope");
    }
  }

  /**
   * {@code admin_startSequencer}: start sequencing on top of {@code unsafeHead}, which must be the
   * current unsafe head (op-conductor and operators name the block they hand over from).
   */
  record StartSequencer(Hash32 unsafeHead) implements AdminRequest {
    public StartSequencer {
      Objects.requireNonNull(unsafeHead, "unsafeHead");
    }
  }

  /**
   * {@code admin_stopSequencer}: stop sequencing once a block already sealed is the unsafe head;
   * answers that head's hash.
   */
  record StopSequencer() implements AdminRequest {}

  /** {@code admin_sequencerActive}: whether the sequencer is running (answered in event order). */
  record SequencerActive() implements AdminRequest {}

  /** {@code admin_setRecoverMode}: build empty blocks and adopt L1 origins as fast as possible. */
  record SetRecoverMode(boolean enabled) implements AdminRequest {}

  /**
   * {@code admin_overrideLeader}: disaster recovery when the conductor cluster has no healthy
   * leader: from now until the process restarts, this node acts as leader and skips every
   * conductor call (op-node keeps the override in memory only).
   */
  record OverrideLeader() implements AdminRequest {}

  /** {@code admin_conductorEnabled}: whether this sequencer runs under op-conductor. */
  record ConductorEnabled() implements AdminRequest {}
}
