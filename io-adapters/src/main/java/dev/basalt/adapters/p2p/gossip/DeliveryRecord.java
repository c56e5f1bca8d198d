package dev.basalt.adapters.p2p.gossip;

import dev.basalt.core.p2p.GossipOutcome;
import java.util.ArrayList;
import java.util.List;

/**
 * What the router knows about one message id while it is remembered as seen: who delivered it
 * first and when, its validation status, and the peers that delivered it again while it was being
 * validated (they share the verdict: credit for a valid message, a penalty for an invalid one).
 */
final class DeliveryRecord {
  enum Status {
    PENDING,
    VALID,
    INVALID,
    IGNORED
  }

  final String firstFrom;
  final String topic;
  final long firstSeenMillis;
  final Rpc.Message message;
  Status status = Status.PENDING;
  final List<String> duplicatePeers = new ArrayList<>(2);

  DeliveryRecord(String firstFrom, String topic, long firstSeenMillis, Rpc.Message message) {
    this.firstFrom = firstFrom;
    this.topic = topic;
    this.firstSeenMillis = firstSeenMillis;
    this.message = message;
  }

  static Status of(GossipOutcome outcome) {
    return switch (outcome) {
      case ACCEPT -> Status.VALID;
      case REJECT -> Status.INVALID;
      case IGNORE -> Status.IGNORED;
    };
  }
}
