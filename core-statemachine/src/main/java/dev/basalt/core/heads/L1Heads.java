package dev.basalt.core.heads;

import dev.basalt.core.codec.BinaryReader;
import dev.basalt.core.codec.BinaryWriter;
import dev.basalt.core.codec.ValueCodec;
import dev.basalt.core.state.Describable;
import dev.basalt.core.state.StateVisitor;
import dev.basalt.core.types.L1BlockRef;

/**
 * The L1 head, safe and finalized blocks as observed. Observations come from an RPC that may lag
 * or lead itself between calls, so each update keeps {@code finalized <= safe <= head}: a label
 * below finalized is stale and dropped, and a finalized or safe block above the head lifts the
 * head (the L1 node has at least that block).
 */
public final class L1Heads implements Describable {
  private L1BlockRef head = L1BlockRef.ZERO;
  private L1BlockRef safe = L1BlockRef.ZERO;
  private L1BlockRef finalized = L1BlockRef.ZERO;

  public L1BlockRef head() {
    return head;
  }

  public L1BlockRef safe() {
    return safe;
  }

  public L1BlockRef finalized() {
    return finalized;
  }

  /** Returns true when the head changed. A head below finalized is stale and ignored. */
  public boolean observeHead(L1BlockRef observed) {
    if (observed.number() < finalized.number() || observed.equals(head)) {
      return false;
    }
    head = observed;
    if (safe.number() > head.number()) {
      // An L1 reorg moved the head below the old safe label; safe follows until re-reported.
      safe = head;
    }
    return true;
  }

  /** Returns true when the safe label changed. */
  public boolean observeSafe(L1BlockRef observed) {
    if (observed.number() < finalized.number() || observed.equals(safe)) {
      return false;
    }
    safe = observed;
    if (head.number() < safe.number()) {
      head = safe;
    }
    return true;
  }

  /** Returns true when the finalized label changed. Finality never moves back. */
  public boolean observeFinalized(L1BlockRef observed) {
    if (observed.number() <= finalized.number()) {
      return false;
    }
    finalized = observed;
    if (safe.number() < finalized.number()) {
      safe = finalized;
    }
    if (head.number() < finalized.number()) {
      head = finalized;
    }
    return true;
  }

  public void writeTo(BinaryWriter w) {
    ValueCodec.write(w, head);
    ValueCodec.write(w, safe);
    ValueCodec.write(w, finalized);
  }

  public void readFrom(BinaryReader r) {
    head = ValueCodec.readL1BlockRef(r);
    safe = ValueCodec.readL1BlockRef(r);
    finalized = ValueCodec.readL1BlockRef(r);
  }

  @Override
  public void describeTo(StateVisitor v) {
    Refs.describe(v, "head", head);
    Refs.describe(v, "safe", safe);
    Refs.describe(v, "finalized", finalized);
  }
}
