package dev.basalt.core.sequencer;

import dev.basalt.core.codec.BinaryReader;
import dev.basalt.core.codec.BinaryWriter;
import dev.basalt.core.codec.ValueCodec;
import dev.basalt.core.command.FetchL1Block;
import dev.basalt.core.config.RollupConfig;
import dev.basalt.core.flow.Outbox;
import dev.basalt.core.flow.Pending;
import dev.basalt.core.heads.Refs;
import dev.basalt.core.l1.L1Block;
import dev.basalt.core.state.StateVisitor;
import dev.basalt.core.types.BlockId;
import dev.basalt.core.types.L1BlockRef;
import dev.basalt.core.types.L2BlockRef;

/**
 * Chooses the L1 origin of the sequencer's next block (op-node {@code L1OriginSelector}): the
 * parent's origin, or the next L1 block once it has {@code l1Confs} confirmations and the next L2
 * timestamp has reached its time. When staying would put the block more than the maximum sequencer
 * drift past its origin (1800 s from Fjord), the next origin is required and the block waits for it;
 * in recover mode the next origin is always adopted as soon as it is confirmed.
 *
 * <p>Both origins are cached as full L1 blocks (the attributes need the origin's logs, fees and
 * beacon root) and fetched by number, so each fetch also checks that the parent's origin is still
 * canonical: every new L1 head invalidates the cache, and an origin L1 no longer has at its height
 * is a {@link OriginChoice.Reset}, which walks the unsafe chain back to a canonical origin (kona
 * kept building on an orphaned origin here).
 */
final class OriginSelector {
  private enum Kind { NONE, CURRENT, NEXT }

  private L1Block current;
  /** Re-read from L1 since the last head change: its hash is the canonical one at its height. */
  private boolean currentChecked;
  private L1Block next;
  private Kind fetching = Kind.NONE;
  private long fetchId;
  private long fetchNumber;

  /** Forgets everything (a reset, a restart): the next decision reads L1 again. */
  void reset() {
    current = null;
    currentChecked = false;
    next = null;
    forgetFetch();
  }

  void forgetFetch() {
    fetching = Kind.NONE;
    fetchId = 0;
    fetchNumber = 0;
  }

  /** A new L1 head: it may have reorged the cached blocks away, so both are read again. */
  void onL1Head() {
    currentChecked = false;
    next = null;
  }

  boolean fetchInFlight() {
    return fetchId != 0;
  }

  OriginChoice choose(L2BlockRef parent, RollupConfig rollup, L1BlockRef l1Head, long l1Confs, boolean recover, Outbox out) {
    BlockId origin = parent.l1Origin();
    if (current != null && !current.ref().hash().equals(origin.hash()) && next != null
        && next.ref().hash().equals(origin.hash())) {
      current = next; // the parent adopted the next origin: it was read after the last head change
      next = null;
    }
    if (current == null || current.ref().number() != origin.number() || !currentChecked) {
      return fetch(Kind.CURRENT, origin.number(), out, "reading the parent's L1 origin " + origin);
    }
    if (!current.ref().hash().equals(origin.hash())) {
      return new OriginChoice.Reset("the unsafe head " + parent.id() + " has L1 origin " + origin
          + ", which is no longer canonical (L1 has " + current.ref().id() + " at that height)");
    }
    long nextNumber = current.ref().number() + 1;
    boolean nextConfirmed = !l1Head.isZero() && nextNumber + l1Confs <= l1Head.number();
    long nextL2Time = parent.timestamp() + rollup.blockTimeSeconds();
    long maxDrift = rollup.maxSequencerDrift(current.ref().timestamp());
    boolean pastDrift = nextL2Time - current.ref().timestamp() > maxDrift;
    if (next == null && nextConfirmed) {
      OriginChoice waiting = fetch(Kind.NEXT, nextNumber, out, "reading the next L1 origin " + nextNumber);
      if (recover || pastDrift) {
        return waiting;
      }
    }
    if (next != null) {
      return new OriginChoice.Use(nextL2Time >= next.ref().timestamp() ? next : current);
    }
    if (pastDrift) {
      return new OriginChoice.Retry("block at " + nextL2Time + " would be more than " + maxDrift + " s past its L1 origin "
          + current.ref().id() + ", and the next L1 origin is not confirmed yet");
    }
    return new OriginChoice.Use(current);
  }

  private OriginChoice fetch(Kind kind, long number, Outbox out, String why) {
    if (fetchId == 0) {
      fetching = kind;
      fetchNumber = number;
      fetchId = out.request(new Pending.SequencerL1Block(number), id -> new FetchL1Block(id, number));
    }
    return new OriginChoice.Wait(why);
  }

  /** An answer; true when it was the awaited one. */
  boolean onL1Block(long correlationId, L1Block block) {
    if (correlationId != fetchId) {
      return false;
    }
    Kind kind = fetching;
    long number = fetchNumber;
    forgetFetch();
    if (block.ref().number() != number) {
      return true; // a confused L1 node: decide again, which asks again
    }
    if (kind == Kind.CURRENT) {
      current = block;
      currentChecked = true;
      next = null;
    } else if (current != null && number == current.ref().number() + 1) {
      if (block.ref().parentHash().equals(current.ref().hash())) {
        next = block;
      } else {
        // L1 reorged under the current origin since it was read: read it again, which resets if
        // the unsafe head's origin is gone.
        currentChecked = false;
      }
    }
    return true;
  }

  /** A failed fetch; true when it was the awaited one. */
  boolean onFailed(long correlationId) {
    if (correlationId != fetchId) {
      return false;
    }
    forgetFetch();
    return true;
  }

  void writeTo(BinaryWriter w) {
    writeBlock(w, current);
    w.bool(currentChecked);
    writeBlock(w, next);
    w.u8(fetching.ordinal()).i64(fetchId).i64(fetchNumber);
  }

  private static void writeBlock(BinaryWriter w, L1Block b) {
    w.bool(b != null);
    if (b != null) {
      ValueCodec.write(w, b);
    }
  }

  void readFrom(BinaryReader r) {
    current = r.bool() ? ValueCodec.readL1Block(r) : null;
    currentChecked = r.bool();
    next = r.bool() ? ValueCodec.readL1Block(r) : null;
    fetching = r.enumValue(Kind.values(), "origin fetch");
    fetchId = r.u63("origin fetch id");
    fetchNumber = r.u63("origin fetch number");
  }

  void describeTo(StateVisitor v) {
    Refs.describe(v, "currentOrigin", current == null ? L1BlockRef.ZERO : current.ref());
    v.value("currentChecked", currentChecked);
    Refs.describe(v, "nextOrigin", next == null ? L1BlockRef.ZERO : next.ref());
    v.value("originFetch", fetching.name());
    v.value("originFetchId", fetchId);
    v.value("originFetchNumber", fetchNumber);
  }
}
