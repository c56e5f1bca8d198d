package dev.basalt.core.heads;

import dev.basalt.core.codec.BinaryReader;
import dev.basalt.core.codec.BinaryWriter;
import dev.basalt.core.codec.ValueCodec;
import dev.basalt.core.state.Describable;
import dev.basalt.core.state.StateVisitor;
import dev.basalt.core.types.L2BlockRef;
import java.util.Objects;

/**
 * The L2 unsafe, safe and finalized heads the core has made canonical. The core is the only
 * writer, so a change that breaks {@code finalized <= safe <= unsafe} or moves finalized back is a
 * bug and throws, which halts the node.
 */
public final class L2Heads implements Describable {
  private L2BlockRef unsafe = L2BlockRef.ZERO;
  private L2BlockRef safe = L2BlockRef.ZERO;
  private L2BlockRef finalized = L2BlockRef.ZERO;

  public L2BlockRef unsafe() {
    return unsafe;
  }

  public L2BlockRef safe() {
    return safe;
  }

  public L2BlockRef finalized() {
    return finalized;
  }

  /**
   * Replaces all three heads at once (sync start or reset). Finalized may move back here only
   * because a reset re-reads it from the engine, which is the authority after a restart.
   */
  public void reset(L2BlockRef newUnsafe, L2BlockRef newSafe, L2BlockRef newFinalized) {
    check(newUnsafe, newSafe, newFinalized);
    unsafe = newUnsafe;
    safe = newSafe;
    finalized = newFinalized;
  }

  public void setUnsafe(L2BlockRef newUnsafe) {
    check(newUnsafe, safe, finalized);
    unsafe = newUnsafe;
  }

  public void setSafe(L2BlockRef newSafe) {
    check(unsafe, newSafe, finalized);
    safe = newSafe;
  }

  public void setFinalized(L2BlockRef newFinalized) {
    if (newFinalized.number() < finalized.number()) {
      throw new IllegalStateException(
          "finalized L2 head must never move back: " + finalized + " -> " + newFinalized);
    }
    check(unsafe, safe, newFinalized);
    finalized = newFinalized;
  }

  private static void check(L2BlockRef u, L2BlockRef s, L2BlockRef f) {
    Objects.requireNonNull(u, "unsafe");
    Objects.requireNonNull(s, "safe");
    Objects.requireNonNull(f, "finalized");
    if (f.number() > s.number() || s.number() > u.number()) {
      throw new IllegalStateException(
          "L2 head invariant finalized <= safe <= unsafe broken: finalized="
              + f
              + " safe="
              + s
              + " unsafe="
              + u);
    }
  }

  public void writeTo(BinaryWriter w) {
    ValueCodec.write(w, unsafe);
    ValueCodec.write(w, safe);
    ValueCodec.write(w, finalized);
  }

  /** Restores from a snapshot, checking the invariant like any other update. */
  public void readFrom(BinaryReader r) {
    reset(ValueCodec.readL2BlockRef(r), ValueCodec.readL2BlockRef(r), ValueCodec.readL2BlockRef(r));
  }

  @Override
  public void describeTo(StateVisitor v) {
    Refs.describe(v, "unsafe", unsafe);
    Refs.describe(v, "safe", safe);
    Refs.describe(v, "finalized", finalized);
  }
}
