package dev.basalt.core.derive.pipeline;

import dev.basalt.core.codec.BinaryReader;
import dev.basalt.core.codec.BinaryWriter;
import dev.basalt.core.collect.SortedLongMap;
import dev.basalt.core.codec.ValueCodec;
import dev.basalt.core.heads.Refs;
import dev.basalt.core.l1.L1Block;
import dev.basalt.core.state.StateVisitor;
import dev.basalt.core.types.Bytes;
import dev.basalt.core.types.L1BlockRef;
import java.util.List;

/**
 * The L1 blocks the pipeline holds, by number. It is a lookup table, not a chain: every user
 * checks the hash it expects and treats a missing block as "fetch it" (so eviction can never
 * change what is derived, only cause a refetch). Bounded by {@link #capacity()} blocks; inbox
 * transaction bytes are dropped once retrieval has moved past a block, because only the header
 * and logs are needed afterwards (for epochs and system-config updates).
 */
public final class L1BlockCache implements StageState {
  private final int capacity;
  private final SortedLongMap<Entry> blocks = new SortedLongMap<>();

  /** A cached block; {@code inboxAvailable} is false once its inbox transactions were dropped. */
  private record Entry(L1Block block, boolean inboxAvailable) {}

  public L1BlockCache(int capacity) {
    if (capacity < 4) {
      throw new IllegalArgumentException("an L1 block cache needs room for at least 4 blocks");
    }
    this.capacity = capacity;
  }

  public int capacity() {
    return capacity;
  }

  public int size() {
    return blocks.size();
  }

  /**
   * Stores {@code block}, replacing whatever was cached at its number. Past the capacity the lowest
   * other block is evicted: never the one just stored, which the pipeline asked for and is about to
   * use (evicting it would make the pipeline ask for it again, for ever).
   */
  public void put(L1Block block) {
    long number = block.ref().number();
    blocks.put(number, new Entry(block, true));
    while (blocks.size() > capacity) {
      blocks.removeAt(blocks.firstKey() == number ? 1 : 0);
    }
  }

  /** The block at {@code number} (its inbox transactions may have been dropped), or null. */
  public L1Block get(long number) {
    Entry e = blocks.get(number);
    return e == null ? null : e.block();
  }

  /** The block at {@code number} with its inbox transactions still present, or null. */
  public L1Block getWithInbox(long number) {
    Entry e = blocks.get(number);
    return e == null || !e.inboxAvailable() ? null : e.block();
  }

  /** Forgets the block at {@code number} (it was found to be the wrong one, or must be refetched). */
  public void remove(long number) {
    blocks.remove(number);
  }

  /** Drops the inbox transaction bytes of every block below {@code number}. */
  public void dropInboxBelow(long number) {
    int below = blocks.countBelow(number);
    for (int i = 0; i < below; i++) {
      Entry e = blocks.valueAt(i);
      if (e.inboxAvailable() && !e.block().inboxTransactions().isEmpty()) {
        L1Block b = e.block();
        L1Block stripped =
            new L1Block(b.ref(), b.baseFeePerGas(), b.mixHash(), b.excessBlobGas(), b.parentBeaconBlockRoot(), List.of(), b.logs());
        blocks.setValueAt(i, new Entry(stripped, false));
      } else if (e.inboxAvailable()) {
        blocks.setValueAt(i, new Entry(e.block(), false));
      }
    }
  }

  /** Forgets every block below {@code number}: nothing derives from them any more. */
  public void dropBelow(long number) {
    blocks.removeBelow(number);
  }

  public void clear() {
    blocks.clear();
  }

  @Override
  public void writeTo(BinaryWriter w) {
    w.i32(blocks.size());
    for (int i = 0; i < blocks.size(); i++) {
      Entry e = blocks.valueAt(i);
      ValueCodec.write(w, e.block());
      w.bool(e.inboxAvailable());
    }
  }

  @Override
  public void readFrom(BinaryReader r) {
    int n = r.count(capacity, "cached L1 blocks");
    blocks.clear();
    for (int i = 0; i < n; i++) {
      L1Block b = ValueCodec.readL1Block(r);
      blocks.put(b.ref().number(), new Entry(b, r.bool()));
    }
  }

  @Override
  public void describeTo(StateVisitor v) {
    v.beginArray("blocks");
    for (int i = 0; i < blocks.size(); i++) {
      Entry e = blocks.valueAt(i);
      v.beginObject(null);
      Refs.describe(v, "ref", e.block().ref());
      BinaryWriter encoded = new BinaryWriter();
      ValueCodec.write(encoded, e.block());
      PipelineCodec.describeBytes(v, "encoding", Bytes.of(encoded.buffer(), 0, encoded.size()));
      v.value("inboxAvailable", e.inboxAvailable());
      v.endObject();
    }
    v.endArray();
  }

  /** The reference of the cached block at {@code number}, or null. */
  public L1BlockRef ref(long number) {
    L1Block b = get(number);
    return b == null ? null : b.ref();
  }
}
