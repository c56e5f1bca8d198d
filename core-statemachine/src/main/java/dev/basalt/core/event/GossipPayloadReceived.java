package dev.basalt.core.event;

import dev.basalt.core.types.Bytes;
import java.util.Objects;

/**
 * A block gossip message as received, before any validation: the core decides accept, reject or
 * ignore and answers with a {@link dev.basalt.core.command.ResolveGossipMessage} echoing {@code
 * messageId}.
 *
 * @param receivedAtMillis the adapter's receive time, which the timestamp window rule uses
 * @param peerId the peer that delivered it (libp2p peer id text)
 * @param topicVersion the block topic it arrived on: 1..4 for blocks v1..v4 (topic names {@code
 *     /optimism/<chainId>/0..3/blocks})
 * @param data the message data as on the wire (snappy block compressed)
 * @param messageId the gossip router's id of the message, opaque to the core (empty in journals
 *     written before it existed)
 */
public record GossipPayloadReceived(long receivedAtMillis, String peerId, int topicVersion, Bytes data, Bytes messageId)
    implements InputEvent {
  public GossipPayloadReceived {
    Objects.requireNonNull(peerId, "peerId");
    Objects.requireNonNull(data, "data");
    Objects.requireNonNull(messageId, "messageId");
  }

  /** A message without a router id (tests, and journals of version 1). */
  public GossipPayloadReceived(long receivedAtMillis, String peerId, int topicVersion, Bytes data) {
    this(receivedAtMillis, peerId, topicVersion, data, Bytes.EMPTY);
  }
}
