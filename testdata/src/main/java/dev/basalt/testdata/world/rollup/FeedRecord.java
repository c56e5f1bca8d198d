package dev.basalt.testdata.world.rollup;

import dev.basalt.core.engine.ExecutionPayloadEnvelope;
import dev.basalt.core.types.Hash32;
import java.util.Objects;

/**
 * What the embedded batcher's feed saw of the node's unsafe chain, as a log a restarted devnet
 * replays to rebuild the same L1 (the batcher posts exactly what it posted before, at the same L1
 * blocks) and the same engine. Each record carries the L1 timestamp of the batcher post it was
 * taken at.
 */
public sealed interface FeedRecord {
  long l1Timestamp();

  /** A block appended to the feed's chain. */
  record Appended(long l1Timestamp, ExecutionPayloadEnvelope block) implements FeedRecord {
    public Appended {
      Objects.requireNonNull(block, "block");
    }
  }

  /** The feed's chain dropped every block from {@code fromNumber} on (the node's unsafe chain moved to another branch). */
  record Truncated(long l1Timestamp, long fromNumber) implements FeedRecord {}

  /** The engine's safe and finalized labels at that post. */
  record Labels(long l1Timestamp, Hash32 safe, Hash32 finalized) implements FeedRecord {
    public Labels {
      Objects.requireNonNull(safe, "safe");
      Objects.requireNonNull(finalized, "finalized");
    }
  }
}
