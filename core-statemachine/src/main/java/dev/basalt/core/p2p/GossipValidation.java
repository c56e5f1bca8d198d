package dev.basalt.core.p2p;

import dev.basalt.core.engine.ExecutionPayloadEnvelope;
import dev.basalt.core.types.BlockId;
import java.util.Objects;
import java.util.Optional;

/**
 * The result of validating one block message.
 *
 * @param reason the rule that decided (its outcome is {@link #outcome()})
 * @param detail a human-readable explanation for logs (empty when valid)
 * @param block the block the message carries, once its payload decoded
 * @param envelope the decoded payload, present only when accepted
 */
public record GossipValidation(
    GossipReason reason, String detail, Optional<BlockId> block, Optional<ExecutionPayloadEnvelope> envelope) {
  public GossipValidation {
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(detail, "detail");
    Objects.requireNonNull(block, "block");
    Objects.requireNonNull(envelope, "envelope");
    if (envelope.isPresent() != (reason == GossipReason.VALID)) {
      throw new IllegalArgumentException("an envelope comes with exactly the accepted messages");
    }
  }

  static GossipValidation refused(GossipReason reason, String detail) {
    return new GossipValidation(reason, detail, Optional.empty(), Optional.empty());
  }

  static GossipValidation refused(GossipReason reason, String detail, BlockId block) {
    return new GossipValidation(reason, detail, Optional.of(block), Optional.empty());
  }

  static GossipValidation accepted(ExecutionPayloadEnvelope envelope) {
    var p = envelope.payload();
    return new GossipValidation(GossipReason.VALID, "", Optional.of(new BlockId(p.blockHash(), p.blockNumber())),
        Optional.of(envelope));
  }

  public GossipOutcome outcome() {
    return reason.outcome();
  }
}
