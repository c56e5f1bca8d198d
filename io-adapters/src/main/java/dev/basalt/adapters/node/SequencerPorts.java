package dev.basalt.adapters.node;

import java.util.Objects;

/**
 * The adapters only a sequencer uses: block publishing (signing and, later, gossip), op-conductor
 * and the persisted admin state.
 */
public record SequencerPorts(PublishPort publish, ConductorPort conductor, AdminStatePort adminState) {
  /** A validator's: blocks are counted and dropped, no conductor, nothing persisted. */
  public static final SequencerPorts NONE = new SequencerPorts(new CountingPublishPort(), ConductorPort.NONE, AdminStatePort.NONE);

  public SequencerPorts {
    Objects.requireNonNull(publish, "publish");
    Objects.requireNonNull(conductor, "conductor");
    Objects.requireNonNull(adminState, "adminState");
  }
}
