package dev.basalt.core.derive.pipeline.batches;

import java.util.Objects;

/**
 * A batch's validity against the safe head (op-node {@code BatchValidity}), plus {@link NeedL2}:
 * op-node reports a failed L2 block lookup as {@code BatchUndecided}; here the stage keeps the
 * batch and the pipeline asks for the block, so the outcome is that of a lookup that succeeded.
 */
public sealed interface Verdict {
  Verdict ACCEPT = new Accept();
  Verdict FUTURE = new Future();
  Verdict PAST = new Past();

  /** The batch is valid and applies next. */
  record Accept() implements Verdict {}

  /** The batch is invalid and will never apply (unless the L1 chain reorgs). */
  record Drop(BatchDropReason reason) implements Verdict {
    public Drop {
      Objects.requireNonNull(reason, "reason");
    }
  }

  /** More L1 blocks are needed to decide. */
  record Undecided(String why) implements Verdict {}

  /** Before Holocene: the batch may apply later; keep it. */
  record Future() implements Verdict {}

  /** Holocene: at or before the safe head; dropped without flushing its channel. */
  record Past() implements Verdict {}

  /** The canonical L2 block at {@code number} is needed to decide. */
  record NeedL2(long number) implements Verdict {}

  static Verdict drop(BatchDropReason reason) {
    return new Drop(reason);
  }

  static Verdict undecided(String why) {
    return new Undecided(why);
  }
}
