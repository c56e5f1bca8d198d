package dev.basalt.core.derive.pipeline.frames;

import dev.basalt.core.codec.BinaryReader;
import dev.basalt.core.codec.BinaryWriter;
import dev.basalt.core.config.Fork;
import dev.basalt.core.config.RollupConfig;
import dev.basalt.core.derive.frame.Frame;
import dev.basalt.core.derive.frame.FrameParseResult;
import dev.basalt.core.derive.frame.FrameParser;
import dev.basalt.core.derive.pipeline.DropListener;
import dev.basalt.core.derive.pipeline.DropReason;
import dev.basalt.core.derive.pipeline.PipelineCodec;
import dev.basalt.core.derive.pipeline.Pull;
import dev.basalt.core.derive.pipeline.StageState;
import dev.basalt.core.state.StateVisitor;
import dev.basalt.core.types.Bytes;
import dev.basalt.core.types.L1BlockRef;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * op-node's {@code FrameQueue}: frames of the next batcher transaction, loaded only when the queue
 * is empty (so it holds at most one transaction's frames). From Holocene (by the origin's
 * timestamp) the frames of each loaded transaction are pruned to the strict ordering rules.
 */
public final class FrameQueue implements FrameSource, StageState {
  private final RollupConfig config;
  private final DataSource prev;
  private final DropListener drops;
  private final ArrayDeque<Frame> frames = new ArrayDeque<>();

  public FrameQueue(RollupConfig config, DataSource prev, DropListener drops) {
    this.config = config;
    this.prev = prev;
    this.drops = drops;
  }

  @Override
  public L1BlockRef origin() {
    return prev.origin();
  }

  @Override
  public Pull<Frame> nextFrame() {
    if (frames.isEmpty()) {
      Pull<Bytes> data = prev.nextData();
      if (!(data instanceof Pull.Value<Bytes> v)) {
        return data.pass();
      }
      load(v.value());
    }
    if (frames.isEmpty()) {
      return Pull.more();
    }
    return Pull.value(frames.pollFirst());
  }

  private void load(Bytes data) {
    FrameParseResult parsed = FrameParser.parse(data.toArray());
    if (parsed instanceof FrameParseResult.Rejected r) {
      drops.dropped(DropReason.FRAMES_UNPARSEABLE, "at " + origin() + ": " + r.reason());
      return;
    }
    frames.addAll(parsed.frames());
    if (config.isActive(Fork.HOLOCENE, origin().timestamp())) {
      // Pruning after each load is enough: taking frames out of the queue cannot make the rest
      // invalid.
      List<Frame> removed = new ArrayList<>();
      List<Frame> kept = FramePruning.prune(new ArrayList<>(frames), removed);
      frames.clear();
      frames.addAll(kept);
      for (Frame f : removed) {
        drops.dropped(DropReason.FRAME_PRUNED, f.toString());
      }
    }
  }

  /** Empties the queue (a reset, or Holocene activation). */
  public void reset() {
    frames.clear();
  }

  public int size() {
    return frames.size();
  }

  @Override
  public void writeTo(BinaryWriter w) {
    w.i32(frames.size());
    for (Frame f : frames) {
      PipelineCodec.writeFrame(w, f);
    }
  }

  @Override
  public void readFrom(BinaryReader r) {
    int n = r.count(PipelineCodec.MAX_ITEMS, "queued frames");
    frames.clear();
    for (int i = 0; i < n; i++) {
      frames.add(PipelineCodec.readFrame(r));
    }
  }

  @Override
  public void describeTo(StateVisitor v) {
    v.beginArray("frames");
    for (Frame f : frames) {
      PipelineCodec.describeFrame(v, f);
    }
    v.endArray();
  }
}
