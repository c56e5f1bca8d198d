package dev.basalt.core.heads;

import dev.basalt.core.codec.BinaryReader;
import dev.basalt.core.codec.BinaryWriter;
import dev.basalt.core.config.SystemConfig;
import dev.basalt.core.derive.L2BlockInfo;
import dev.basalt.core.derive.pipeline.PipelineCodec;
import dev.basalt.core.state.Describable;
import dev.basalt.core.state.StateVisitor;
import dev.basalt.core.types.Address;
import dev.basalt.core.types.Hash32;
import dev.basalt.core.types.L2BlockRef;
import java.util.List;
import java.util.Objects;

/**
 * The L2 heads the node has made canonical, op-node's labels before interop:
 *
 * <ul>
 *   <li>{@code unsafe}: the tip the engine follows (sequenced or posted blocks, or derived ones);
 *   <li>{@code pendingSafe}: the last block derived from L1, possibly in the middle of a span batch;
 *   <li>{@code localSafe}: the last derived block that ends a span batch, so it can no longer be
 *       invalidated by the rest of that batch;
 *   <li>{@code safe}: what the engine is told is safe; equal to local-safe until interop;
 *   <li>{@code finalized}: derived from finalized L1 data.
 * </ul>
 *
 * <p>The engine controller is the only writer. Every change keeps {@code finalized <= safe <=
 * localSafe <= pendingSafe <= unsafe} by number, and only a reset (the engine is the authority
 * after one) moves finalized back; a change that breaks either rule is a bug and throws, which
 * halts the node rather than telling the engine something inconsistent.
 */
public final class L2Heads implements Describable {
  /** Placeholder for a head not known yet (before the first sync start): block number zero. */
  public static final L2BlockInfo UNKNOWN = new L2BlockInfo(L2BlockRef.ZERO,
      new SystemConfig(Address.ZERO, Hash32.ZERO, Hash32.ZERO, 0, 0, 0, 0, 0, 0, 0), List.of());

  private L2BlockInfo unsafe = UNKNOWN;
  private L2BlockInfo pendingSafe = UNKNOWN;
  private L2BlockInfo localSafe = UNKNOWN;
  private L2BlockInfo safe = UNKNOWN;
  private L2BlockInfo finalized = UNKNOWN;

  public L2BlockInfo unsafe() {
    return unsafe;
  }

  public L2BlockInfo pendingSafe() {
    return pendingSafe;
  }

  public L2BlockInfo localSafe() {
    return localSafe;
  }

  public L2BlockInfo safe() {
    return safe;
  }

  public L2BlockInfo finalized() {
    return finalized;
  }

  /**
   * Replaces every head (op-node {@code ForceEngineReset}): pending-safe and local-safe restart at
   * the safe head. Finalized may move back here, because a reset re-reads it from the engine.
   */
  public void forceReset(L2BlockInfo newUnsafe, L2BlockInfo newSafe, L2BlockInfo newFinalized) {
    set(newUnsafe, newSafe, newSafe, newSafe, newFinalized);
  }

  /** A new tip: a posted block on top of the unsafe chain, or an execution-layer sync target. */
  public void promoteUnsafe(L2BlockInfo block) {
    set(block, pendingSafe, localSafe, safe, finalized);
  }

  /**
   * A derived block became canonical: pending-safe, and local-safe and safe too when it concludes
   * a span batch. {@code replacesUnsafe} when it was built (the engine reorged its tip to it),
   * otherwise it was an existing unsafe block and the tip stays.
   */
  public void promoteDerived(L2BlockInfo block, boolean concluding, boolean replacesUnsafe) {
    L2BlockInfo tip = replacesUnsafe || block.ref().number() > unsafe.ref().number() ? block : unsafe;
    set(tip, block, concluding ? block : localSafe, concluding ? block : safe, finalized);
  }

  /** Derived attributes were dropped (before Holocene): pending-safe falls back to local-safe. */
  public void revertPendingSafe() {
    set(unsafe, localSafe, localSafe, safe, finalized);
  }

  /** The block became final; finality never moves back outside a reset. */
  public void promoteFinalized(L2BlockInfo block) {
    if (block.ref().number() < finalized.ref().number()) {
      throw new IllegalStateException("finalized L2 head must never move back: " + finalized.ref() + " -> " + block.ref());
    }
    set(unsafe, pendingSafe, localSafe, safe, block);
  }

  private void set(L2BlockInfo u, L2BlockInfo p, L2BlockInfo l, L2BlockInfo s, L2BlockInfo f) {
    check(Objects.requireNonNull(u, "unsafe"), Objects.requireNonNull(p, "pendingSafe"),
        Objects.requireNonNull(l, "localSafe"), Objects.requireNonNull(s, "safe"), Objects.requireNonNull(f, "finalized"));
    unsafe = u;
    pendingSafe = p;
    localSafe = l;
    safe = s;
    finalized = f;
  }

  private static void check(L2BlockInfo u, L2BlockInfo p, L2BlockInfo l, L2BlockInfo s, L2BlockInfo f) {
    long un = u.ref().number();
    long pn = p.ref().number();
    long ln = l.ref().number();
    long sn = s.ref().number();
    long fn = f.ref().number();
    if (fn > sn || sn > ln || ln > pn || pn > un) {
      throw new IllegalStateException("L2 head invariant finalized <= safe <= localSafe <= pendingSafe <= unsafe broken:"
          + " finalized=" + f.ref() + " safe=" + s.ref() + " localSafe=" + l.ref() + " pendingSafe=" + p.ref()
          + " unsafe=" + u.ref());
    }
  }

  public void writeTo(BinaryWriter w) {
    for (L2BlockInfo head : List.of(unsafe, pendingSafe, localSafe, safe, finalized)) {
      write(w, head);
    }
  }

  private static void write(BinaryWriter w, L2BlockInfo head) {
    w.bool(head == UNKNOWN);
    if (head != UNKNOWN) {
      PipelineCodec.writeL2BlockInfo(w, head);
    }
  }

  /** Restores from a snapshot, checking the invariant like any other update. */
  public void readFrom(BinaryReader r) {
    L2BlockInfo u = read(r);
    L2BlockInfo p = read(r);
    L2BlockInfo l = read(r);
    L2BlockInfo s = read(r);
    L2BlockInfo f = read(r);
    set(u, p, l, s, f);
  }

  private static L2BlockInfo read(BinaryReader r) {
    return r.bool() ? UNKNOWN : PipelineCodec.readL2BlockInfo(r);
  }

  @Override
  public void describeTo(StateVisitor v) {
    describe(v, "unsafe", unsafe);
    describe(v, "pendingSafe", pendingSafe);
    describe(v, "localSafe", localSafe);
    describe(v, "safe", safe);
    describe(v, "finalized", finalized);
  }

  private static void describe(StateVisitor v, String name, L2BlockInfo head) {
    PipelineCodec.describeL2BlockInfo(v, name, head);
  }
}
