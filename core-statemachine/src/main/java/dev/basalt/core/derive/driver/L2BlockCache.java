package dev.basalt.core.derive.driver;

import dev.basalt.core.codec.BinaryReader;
import dev.basalt.core.codec.BinaryWriter;
import dev.basalt.core.collect.SortedLongMap;
import dev.basalt.core.derive.L2BlockInfo;
import dev.basalt.core.derive.L2ChainView;
import dev.basalt.core.derive.pipeline.PipelineCodec;
import dev.basalt.core.state.StateVisitor;
import java.util.Arrays;
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

  /**
   * An encoding is kept only up to this size: snapshots (every few hundred events in the simulator)
   * then copy a cached block's bytes instead of encoding it again, for at most 8 MiB of copies.
   */
  static final int MAX_KEPT_ENCODING_BYTES = 64 * 1024;

  /**
   * A cached block and, once a snapshot wrote it, its encoding ({@link PipelineCodec#writeL2BlockInfo}
   * of an immutable value, so the bytes can never go stale; never part of the state itself).
   */
  private static final class Stored {
    final L2BlockInfo info;
    byte[] encoding;

    Stored(L2BlockInfo info) {
      this.info = info;
    }
  }

  private final SortedLongMap<Stored> blocks = new SortedLongMap<>();

  @Override
  public Optional<L2BlockInfo> blockByNumber(long number) {
    Stored s = blocks.get(number);
    return s == null ? Optional.empty() : Optional.of(s.info);
  }

  /** {@code block} became the canonical tip of what derivation sees: drop what it replaced. */
  public void putCanonical(L2BlockInfo block) {
    blocks.removeFrom(block.ref().number());
    store(block);
  }

  /** A block read from the engine because the pipeline asked for it. */
  public void putFetched(L2BlockInfo block) {
    Stored cached = blocks.get(block.ref().number());
    if (cached != null && !cached.info.ref().hash().equals(block.ref().hash())) {
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
    blocks.put(number, new Stored(block));
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
      Stored s = blocks.valueAt(i);
      if (s.encoding != null) {
        w.raw(s.encoding, 0, s.encoding.length);
        continue;
      }
      int start = w.size();
      PipelineCodec.writeL2BlockInfo(w, s.info);
      if (w.size() - start <= MAX_KEPT_ENCODING_BYTES) {
        s.encoding = Arrays.copyOfRange(w.buffer(), start, w.size());
      }
    }
  }

  public void readFrom(BinaryReader r) {
    int n = r.count(CAPACITY, "cached L2 blocks");
    blocks.clear();
    for (int i = 0; i < n; i++) {
      L2BlockInfo b = PipelineCodec.readL2BlockInfo(r);
      blocks.put(b.ref().number(), new Stored(b));
    }
  }

  public void describeTo(StateVisitor v) {
    v.beginArray("blocks");
    for (int i = 0; i < blocks.size(); i++) {
      PipelineCodec.describeL2BlockInfo(v, null, blocks.valueAt(i).info);
    }
    v.endArray();
  }
}
