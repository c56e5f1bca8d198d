package dev.basalt.adapters.node;

import dev.basalt.core.command.RecordSafeHead;
import dev.basalt.core.command.RewindSafeHeads;

/** Persists the safe-head database (L1 block -> safe L2 head) for {@code optimism_safeHeadAtL1Block}. */
public interface SafeHeadStore {
  void record(RecordSafeHead command);

  void rewind(RewindSafeHeads command);

  /** A store that keeps nothing (when the node runs without a safe-head database). */
  SafeHeadStore NONE =
      new SafeHeadStore() {
        @Override
        public void record(RecordSafeHead command) {}

        @Override
        public void rewind(RewindSafeHeads command) {}
      };
}
