package dev.basalt.core.derive.pipeline.batches;

import dev.basalt.core.derive.batch.SingularBatch;
import dev.basalt.core.derive.batch.SpanBatch;
import dev.basalt.core.derive.pipeline.Pull;
import dev.basalt.core.types.L1BlockRef;
import java.util.ArrayList;
import java.util.List;

/** op-node's {@code fakeBatchQueueInput}: scripted batches (null = EOF), a movable origin. */
final class FakeBatches implements BatchSource {
  final List<ChannelBatch> batches = new ArrayList<>();
  int next;
  L1BlockRef origin;
  int flushes;

  FakeBatches(L1BlockRef origin) {
    this.origin = origin;
  }

  FakeBatches add(SingularBatch b) {
    batches.add(new ChannelBatch.Singular(b));
    return this;
  }

  FakeBatches add(SpanBatch b) {
    batches.add(new ChannelBatch.Span(b));
    return this;
  }

  FakeBatches eof() {
    batches.add(null);
    return this;
  }

  @Override
  public Pull<ChannelBatch> nextBatch() {
    if (next >= batches.size()) {
      return Pull.eof();
    }
    ChannelBatch b = batches.get(next++);
    return b == null ? Pull.eof() : Pull.value(b);
  }

  @Override
  public L1BlockRef origin() {
    return origin;
  }

  @Override
  public void flushChannel() {
    flushes++;
    batches.clear();
    next = 0;
  }
}
