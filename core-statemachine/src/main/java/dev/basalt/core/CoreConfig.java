package dev.basalt.core;

import java.util.Objects;

/**
 * Everything the core needs to know about its configuration. It arrives inside the
 * {@link dev.basalt.core.event.NodeStarted} event, so a journal alone is enough to replay a run.
 *
 * @param l1ChainId chain id of the L1 the rollup settles on
 * @param l2ChainId chain id of the rollup itself
 * @param blockTimeSeconds L2 block time
 * @param mode validator or sequencer
 */
public record CoreConfig(long l1ChainId, long l2ChainId, long blockTimeSeconds, NodeMode mode) {
  public CoreConfig {
    Objects.requireNonNull(mode, "mode");
    if (blockTimeSeconds <= 0) {
      throw new IllegalArgumentException("blockTimeSeconds must be positive, got " + blockTimeSeconds);
    }
  }
}
