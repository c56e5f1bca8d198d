package dev.basalt.core.command;

import dev.basalt.core.p2p.GossipOutcome;
import dev.basalt.core.p2p.GossipReason;
import dev.basalt.core.types.BlockId;
import dev.basalt.core.types.Bytes;
import java.util.Objects;
import java.util.Optional;

/**
 * Finish the gossip router's pending validation of a block message: deliver and forward it
 * (accept), drop it and penalise the peer that sent it (reject), or drop it quietly (ignore). No
 * answer. An accepted block has already gone to the engine as an unsafe payload.
 *
 * @param messageId the router's id from {@link dev.basalt.core.event.GossipPayloadReceived}
 * @param peerId the peer that delivered the message
 * @param topicVersion 1..4, as received
 * @param reason the rule that decided; {@link #outcome()} follows from it
 * @param detail a human-readable explanation for logs
 * @param block the block the message carries, when its payload decoded
 */
public record ResolveGossipMessage(
    Bytes messageId, String peerId, int topicVersion, GossipReason reason, String detail, Optional<BlockId> block)
    implements Command {
  public ResolveGossipMessage {
    Objects.requireNonNull(messageId, "messageId");
    Objects.requireNonNull(peerId, "peerId");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(detail, "detail");
    Objects.requireNonNull(block, "block");
  }

  public GossipOutcome outcome() {
    return reason.outcome();
  }
}
