package dev.basalt.core.command;

import dev.basalt.core.engine.ForkchoiceState;
import dev.basalt.core.engine.PayloadAttributes;
import java.util.Objects;
import java.util.Optional;

/**
 * Call {@code engine_forkchoiceUpdatedV{version}} with this state and, to start building a block,
 * payload attributes. Answered by {@code EngineResponse.ForkchoiceUpdated} (with a payload id when
 * attributes were given), {@code EngineResponse.RpcError} or {@code RequestFailed}.
 */
public record SendForkchoiceUpdate(
    long correlationId, ForkchoiceState state, Optional<PayloadAttributes> attributes, int version)
    implements Command, Request {
  public SendForkchoiceUpdate {
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(attributes, "attributes");
    if (version < 1 || version > 3) {
      throw new IllegalArgumentException("forkchoiceUpdated version must be 1..3, got " + version);
    }
  }

  /** A plain forkchoice update (V3, as op-node sends all updates without attributes). */
  public SendForkchoiceUpdate(long correlationId, ForkchoiceState state) {
    this(correlationId, state, Optional.empty(), 3);
  }
}
