package dev.basalt.core.l1;

import dev.basalt.core.codec.BinaryReader;
import dev.basalt.core.codec.BinaryWriter;
import dev.basalt.core.codec.ValueCodec;
import dev.basalt.core.heads.Refs;
import dev.basalt.core.state.Describable;
import dev.basalt.core.state.StateVisitor;
import dev.basalt.core.types.L1BlockRef;
import java.util.TreeMap;

/**
 * The recent canonical L1 chain as far as the node has fetched it. Adding a block that does not
 * extend the chain is a reorg: the blocks it replaces are dropped and the depth is recorded.
 */
public final class L1Window implements Describable {
  public static final int CAPACITY = 256;

  private final TreeMap<Long, L1BlockRef> blocks = new TreeMap<>();
  private long reorgCount;
  private long lastReorgDepth;

  /**
   * Adds a fetched block. Returns the reorg depth (number of blocks replaced), 0 when the block
   * simply extends or repeats the chain.
   */
  public long add(L1BlockRef block) {
    L1BlockRef existing = blocks.get(block.number());
    if (block.equals(existing)) {
      return 0;
    }
    L1BlockRef parent = blocks.get(block.number() - 1);
    long replaced;
    if (parent != null && parent.hash().equals(block.parentHash())) {
      replaced = blocks.tailMap(block.number(), true).size();
      blocks.tailMap(block.number(), true).clear();
    } else {
      // Either the parent was reorged out as well, or there is a gap (a head poll skipped
      // blocks). Either way the window restarts at this block so it stays one linked chain.
      long from = parent != null ? block.number() - 1 : block.number();
      replaced = blocks.tailMap(from, true).size();
      blocks.clear();
    }
    blocks.put(block.number(), block);
    while (blocks.size() > CAPACITY) {
      blocks.pollFirstEntry();
    }
    if (replaced > 0) {
      reorgCount++;
      lastReorgDepth = replaced;
    }
    return replaced;
  }

  public L1BlockRef latest() {
    return blocks.isEmpty() ? null : blocks.lastEntry().getValue();
  }

  public L1BlockRef byNumber(long number) {
    return blocks.get(number);
  }

  public long reorgCount() {
    return reorgCount;
  }

  public long lastReorgDepth() {
    return lastReorgDepth;
  }

  public int size() {
    return blocks.size();
  }

  public void writeTo(BinaryWriter w) {
    w.i64(reorgCount).i64(lastReorgDepth).i32(blocks.size());
    for (L1BlockRef b : blocks.values()) {
      ValueCodec.write(w, b);
    }
  }

  public void readFrom(BinaryReader r) {
    reorgCount = r.u63("reorg count");
    lastReorgDepth = r.u63("reorg depth");
    int n = r.count(CAPACITY, "L1 window size");
    blocks.clear();
    for (int i = 0; i < n; i++) {
      L1BlockRef b = ValueCodec.readL1BlockRef(r);
      blocks.put(b.number(), b);
    }
  }

  @Override
  public void describeTo(StateVisitor v) {
    v.value("reorgCount", reorgCount);
    v.value("lastReorgDepth", lastReorgDepth);
    v.beginArray("blocks");
    for (L1BlockRef b : blocks.values()) {
      Refs.describe(v, null, b);
    }
    v.endArray();
  }
}
