package dev.basalt.adapters.metrics;

import dev.basalt.adapters.node.SafeHeadStore;
import dev.basalt.core.command.RecordSafeHead;
import dev.basalt.core.command.RewindSafeHeads;

/**
 * Counts pipeline resets on their way to the safe-head store: the core emits {@code
 * RewindSafeHeads} once per confirmed reset (and when execution-layer sync starts over).
 */
public record MeteredSafeHeadStore(SafeHeadStore store, NodeMetrics metrics) implements SafeHeadStore {
  @Override
  public void record(RecordSafeHead command) {
    store.record(command);
  }

  @Override
  public void rewind(RewindSafeHeads command) {
    metrics.pipelineReset();
    store.rewind(command);
  }
}
