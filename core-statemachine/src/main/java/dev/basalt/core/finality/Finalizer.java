package dev.basalt.core.finality;

import dev.basalt.core.codec.BinaryReader;
import dev.basalt.core.codec.BinaryWriter;
import dev.basalt.core.codec.ValueCodec;
import dev.basalt.core.command.FetchL1Block;
import dev.basalt.core.flow.Outbox;
import dev.basalt.core.flow.Pending;
import dev.basalt.core.flow.Signal;
import dev.basalt.core.heads.Refs;
import dev.basalt.core.l1.L1Block;
import dev.basalt.core.state.StateVisitor;
import dev.basalt.core.types.BlockId;
import dev.basalt.core.types.L1BlockRef;
import dev.basalt.core.types.L2BlockRef;
import java.util.ArrayDeque;

/**
 * L2 finality from L1 finality (op-node's {@code Finalizer}, {@code op-node/rollup/finality}): it
 * remembers, per L1 block, the last safe L2 block derived while reading it, for the last {@link
 * #LOOKBACK} L1 blocks (L1 finalizes at most 4 epochs of 32 slots behind its head, plus one to
 * prune easily). When L1 finality moves, or derivation idles more than {@link #FINALITY_DELAY} L1
 * blocks after the last try, the highest L2 block derived from an L1 block at or below the
 * finalized one is proposed for finalization, after checking that both the finality signal and that
 * L1 block are still canonical (a mismatch resets, as op-node does).
 */
public final class Finalizer {
  /** op-node's {@code defaultFinalityLookback}: 4 * 32 + 1 L1 blocks. */
  public static final int LOOKBACK = 4 * 32 + 1;

  /** op-node's {@code finalityDelay}: L1 blocks derived before trying again while syncing. */
  public static final long FINALITY_DELAY = 64;

  /** The last safe L2 block derived while reading L1 block {@code l1}. */
  private record FinalityData(L2BlockRef l2, BlockId l1) {}

  private enum Check { NONE, SIGNAL, DERIVED_FROM }

  private final ArrayDeque<FinalityData> data = new ArrayDeque<>();
  private L1BlockRef finalizedL1 = L1BlockRef.ZERO;
  private long triedFinalizeAt;
  private Check check = Check.NONE;
  private long checkId;
  private FinalityData candidate;
  /** A new reason to try arrived while a check was running. */
  private boolean again;

  /** L1 finalized {@code block} (op-node {@code FinalizeL1Event}); older signals are ignored. */
  public void onL1Finalized(L1BlockRef block, L2BlockRef finalizedL2, Outbox out) {
    if (block.number() < finalizedL1.number()) {
      return;
    }
    if (!block.equals(finalizedL1)) {
      triedFinalizeAt = 0;
      finalizedL1 = block;
    }
    tryFinalize(finalizedL2, out);
  }

  /** {@code safe} became safe while derivation read {@code derivedFrom} (op-node {@code SafeDerivedEvent}). */
  public void onSafeDerived(L2BlockRef safe, L1BlockRef derivedFrom) {
    FinalityData last = data.peekLast();
    if (last == null || last.l1().number() < derivedFrom.number()) {
      if (data.size() >= LOOKBACK) {
        data.pollFirst();
      }
      data.addLast(new FinalityData(safe, derivedFrom.id()));
    } else {
      data.pollLast();
      data.addLast(new FinalityData(safe, last.l1()));
    }
  }

  /** Derivation consumed everything up to {@code origin} (op-node {@code DeriverIdleEvent}). */
  public void onDerivationIdle(L1BlockRef origin, L2BlockRef finalizedL2, Outbox out) {
    if (finalizedL1.isZero() || (triedFinalizeAt != 0 && origin.number() <= triedFinalizeAt + FINALITY_DELAY)) {
      return;
    }
    triedFinalizeAt = origin.number();
    tryFinalize(finalizedL2, out);
  }

  /** A reset: the remembered safe blocks may be reorged out (finalized L1 stays final). */
  public void onReset() {
    data.clear();
    triedFinalizeAt = 0;
    check = Check.NONE;
    checkId = 0;
    candidate = null;
    again = false;
  }

  private void tryFinalize(L2BlockRef finalizedL2, Outbox out) {
    if (check != Check.NONE) {
      again = true;
      return;
    }
    FinalityData best = null;
    long highest = finalizedL2.number();
    for (FinalityData fd : data) {
      if (fd.l2().number() > highest && fd.l1().number() <= finalizedL1.number()) {
        best = fd;
        highest = fd.l2().number();
      }
    }
    if (best == null) {
      return;
    }
    candidate = best;
    check = Check.SIGNAL;
    fetch(finalizedL1.number(), out);
  }

  private void fetch(long number, Outbox out) {
    checkId = out.request(new Pending.FinalityL1Block(number), id -> new FetchL1Block(id, number));
  }

  public void onL1Block(long correlationId, L1Block block, L2BlockRef finalizedL2, Outbox out) {
    if (checkId == 0 || correlationId != checkId) {
      return;
    }
    checkId = 0;
    L1BlockRef ref = block.ref();
    if (check == Check.SIGNAL) {
      if (!ref.hash().equals(finalizedL1.hash())) {
        reset("L1 block " + finalizedL1.id() + " was reported finalized, but the canonical block is " + ref.id(), out);
        return;
      }
      check = Check.DERIVED_FROM;
      fetch(candidate.l1().number(), out);
      return;
    }
    if (!ref.hash().equals(candidate.l1().hash())) {
      reset("derivation read " + candidate.l1() + ", not the finalized chain's " + ref.id(), out);
      return;
    }
    check = Check.NONE;
    L2BlockRef proposed = candidate.l2();
    candidate = null;
    out.signal(new Signal.FinalizeRequested(proposed));
    if (again) {
      // Finality moved while checking: look again, above what was just proposed.
      again = false;
      tryFinalize(proposed.number() > finalizedL2.number() ? proposed : finalizedL2, out);
    }
  }

  /** A check could not read L1: op-node logs it, and the next signal or idle tries again. */
  public void onFailed(long correlationId) {
    if (checkId != 0 && correlationId == checkId) {
      checkId = 0;
      check = Check.NONE;
      candidate = null;
    }
  }

  private void reset(String reason, Outbox out) {
    check = Check.NONE;
    candidate = null;
    out.signal(new Signal.ResetRequested(reason));
  }

  public void writeTo(BinaryWriter w) {
    w.i32(data.size());
    for (FinalityData fd : data) {
      ValueCodec.write(w, fd.l2());
      ValueCodec.write(w, fd.l1());
    }
    ValueCodec.write(w, finalizedL1);
    w.i64(triedFinalizeAt).u8(check.ordinal()).i64(checkId).bool(candidate != null);
    if (candidate != null) {
      ValueCodec.write(w, candidate.l2());
      ValueCodec.write(w, candidate.l1());
    }
    w.bool(again);
  }

  public void readFrom(BinaryReader r) {
    int n = r.count(LOOKBACK, "finality data");
    data.clear();
    for (int i = 0; i < n; i++) {
      data.addLast(new FinalityData(ValueCodec.readL2BlockRef(r), ValueCodec.readBlockId(r)));
    }
    finalizedL1 = ValueCodec.readL1BlockRef(r);
    triedFinalizeAt = r.u63("tried finalize at");
    check = r.enumValue(Check.values(), "finality check");
    checkId = r.u63("finality check id");
    candidate = r.bool() ? new FinalityData(ValueCodec.readL2BlockRef(r), ValueCodec.readBlockId(r)) : null;
    again = r.bool();
  }

  public void describeTo(StateVisitor v) {
    v.beginArray("data");
    for (FinalityData fd : data) {
      v.beginObject(null);
      Refs.describe(v, "l2", fd.l2());
      Refs.describe(v, "l1", fd.l1());
      v.endObject();
    }
    v.endArray();
    Refs.describe(v, "finalizedL1", finalizedL1);
    v.value("triedFinalizeAt", triedFinalizeAt);
    v.value("check", check.name());
    v.value("checkId", checkId);
    v.beginArray("candidate");
    if (candidate != null) {
      Refs.describe(v, null, candidate.l2());
      Refs.describe(v, null, candidate.l1());
    }
    v.endArray();
    v.value("again", again);
  }
}
