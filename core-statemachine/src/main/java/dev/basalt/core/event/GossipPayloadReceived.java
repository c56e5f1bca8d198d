package dev.basalt.core.event;

import dev.basalt.core.types.Bytes;
import java.util.Objects;

/**
 * A block gossip message as received, before any validation: the core decides accept, reject or
 * ignore. {@code receivedAtMillis} is the adapter's receive time, which the timestamp window rule
 * uses.
 */
public record GossipPayloadReceived(long receivedAtMillis, String peerId, int topicVersion, Bytes data)
    implements InputEvent {
  public GossipPayloadReceived {
    Objects.requireNonNull(peerId, "peerId");
    Objects.requireNonNull(data, "data");
  }
}
