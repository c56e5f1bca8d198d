package dev.basalt.core.derive.channel;

import dev.basalt.core.derive.batch.BatchData;
import java.util.Objects;

/** One step of reading a channel: the next batch, or the end of the channel. */
public sealed interface BatchRead {
  /** A decoded batch; span batches still need {@code RawSpanBatch.derive}. */
  record Batch(BatchData batch, ChannelCompression compression) implements BatchRead {
    public Batch {
      Objects.requireNonNull(batch, "batch");
      Objects.requireNonNull(compression, "compression");
    }
  }

  /** No more batches from this channel; {@code detail} is for logs. */
  record End(ChannelEnd reason, String detail) implements BatchRead {
    public End {
      Objects.requireNonNull(reason, "reason");
      Objects.requireNonNull(detail, "detail");
    }
  }
}
