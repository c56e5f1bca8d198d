package dev.basalt.core.derive.driver;

import dev.basalt.core.codec.BinaryReader;
import dev.basalt.core.codec.BinaryWriter;
import dev.basalt.core.collect.SortedLongMap;
import dev.basalt.core.derive.L2BlockInfo;
import dev.basalt.core.derive.L2ChainView;
import dev.basalt.core.derive.pipeline.PipelineCodec;
import dev.basalt.core.state.StateVisitor;
import java.util.Optional;

/**
 * The pipeline's view of the canonical L2 chain: recent blocks by number, filled with the blocks
 * the engine controller makes canonical and with blocks read from the engine when the pipeline
 * missed one. A miss only costs a fetch, so the cache is small; a new canonical block replaces
 * everything from its height up (the chain above it was reorged out), and a reset empties it.
 */
public final class L2BlockCache implements L2ChainView {
  /** Blocks kept: span-batch overlap checks and the reset walk need a few dozen at a time. */
  public static final int CAPACITY = 128;

  private final SortedLongMap<L2BlockInfo> blocks = new SortedLongMap<>();

  @Override
  public Optional<L2BlockInfo> blockByNumber(long number) {
    return Optional.ofNullable(blocks.get(number));
  }

  /** {@code block} became the canonical tip of what derivation sees: drop what it replaced. */
  public void putCanonical(L2BlockInfo block) {
    blocks.removeFrom(block.ref().number());
    store(block);
  }

  /** A block read from the engine because the pipeline asked for it. */
  public void putFetched(L2BlockInfo block) {
    L2BlockInfo cached = blocks.get(block.ref().number());
    if (cached != null && !cached.ref().hash().equals(block.ref().hash())) {
      // The engine's chain moved under us: nothing above this height can be trusted either.
      blocks.removeFrom(block.ref().number());
    }
    store(block);
  }

  /**
   * Past the capacity the lowest block goes, but never the one just stored (the pipeline asked
   * for it and would ask again for ever): then the highest goes instead.
   */
  private void store(L2BlockInfo block) {
    long number = block.ref().number();
    blocks.put(number, block);
    while (blocks.size() > CAPACITY) {
      blocks.removeAt(blocks.firstKey() == number ? blocks.size() - 1 : 0);
    }
  }

  public void clear() {
    blocks.clear();
  }

  public int size() {
    return blocks.size();
  }

  public void writeTo(BinaryWriter w) {
    w.i32(blocks.size());
    for (int i = 0; i < blocks.size(); i++) {
      PipelineCodec.writeL2BlockInfo(w, blocks.valueAt(i));
    }
  }

  public void readFrom(BinaryReader r) {
    int n = r.count(CAPACITY, "cached L2 blocks");
    blocks.clear();
    for (int i = 0; i < n; i++) {
      L2BlockInfo b = PipelineCodec.readL2BlockInfo(r);
      blocks.put(b.ref().number(), b);
    }
  }

  public void describeTo(StateVisitor v) {
    v.beginArray("blocks");
    for (int i = 0; i < blocks.size(); i++) {
      PipelineCodec.describeL2BlockInfo(v, null, blocks.valueAt(i));
    }
    v.endArray();
  }
}
