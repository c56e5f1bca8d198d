package dev.basalt.core.derive.pipeline.batches;

import dev.basalt.core.derive.batch.SingularBatch;
import dev.basalt.core.derive.batch.SpanBatch;
import java.util.Objects;

/** A batch as read from a channel: singular, or a span batch already expanded into its blocks. */
public sealed interface ChannelBatch {
  /** Timestamp of the (first) block, for logs. */
  long timestamp();

  record Singular(SingularBatch batch) implements ChannelBatch {
    public Singular {
      Objects.requireNonNull(batch, "batch");
    }

    @Override
    public long timestamp() {
      return batch.timestamp();
    }
  }

  record Span(SpanBatch batch) implements ChannelBatch {
    public Span {
      Objects.requireNonNull(batch, "batch");
    }

    @Override
    public long timestamp() {
      return batch.timestamp();
    }
  }
}
