package dev.basalt.core;

import dev.basalt.core.crypto.RecoveryMemo;
import dev.basalt.core.derive.attributes.AttributesMemo;
import dev.basalt.core.derive.payload.PayloadInfoMemo;
import dev.basalt.core.derive.pipeline.channels.ChannelMemo;
import java.util.Objects;

/**
 * The memos a core computes through: recovered signers (batcher-tx senders, gossip signers),
 * read channels, what L2 blocks read back as and prepared payload attributes. Each remembers a pure function's answers keyed by all of its inputs, so none can
 * change an output; a process that rebuilds its core (a restart from a snapshot) may hand the old
 * core's memos to the new one, as a process's caches outlive a fast restart. One thread only.
 */
public final class CoreMemos {
  private final RecoveryMemo recoveries;
  private final ChannelMemo channels;
  private final PayloadInfoMemo payloadInfo;
  private final AttributesMemo attributes;

  /** Fresh memos. */
  public CoreMemos() {
    this(new RecoveryMemo());
  }

  /** Fresh memos but for recovered signers, which {@code recoveries} keeps (and others may share). */
  public CoreMemos(RecoveryMemo recoveries) {
    this(recoveries, new AttributesMemo());
  }

  /**
   * Fresh memos but for recovered signers and prepared attributes, which {@code recoveries} and
   * {@code attributes} keep (cores of one chain may share them: the answers are the same).
   */
  public CoreMemos(RecoveryMemo recoveries, AttributesMemo attributes) {
    this.recoveries = Objects.requireNonNull(recoveries, "recoveries");
    this.attributes = Objects.requireNonNull(attributes, "attributes");
    this.channels = new ChannelMemo();
    this.payloadInfo = new PayloadInfoMemo();
  }

  public RecoveryMemo recoveries() {
    return recoveries;
  }

  public ChannelMemo channels() {
    return channels;
  }

  /** What L2 blocks read back as, shared by derivation and the engine tasks. */
  public PayloadInfoMemo payloadInfo() {
    return payloadInfo;
  }

  /** What payload attributes were prepared as, shared by derivation and the sequencer. */
  public AttributesMemo attributes() {
    return attributes;
  }
}
