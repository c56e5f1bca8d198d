package dev.basalt.core.derive.pipeline.channels;

import dev.basalt.core.codec.BinaryReader;
import dev.basalt.core.codec.BinaryWriter;
import dev.basalt.core.codec.DecodeException;
import dev.basalt.core.codec.ValueCodec;
import dev.basalt.core.derive.frame.ChannelId;
import dev.basalt.core.derive.frame.Frame;
import dev.basalt.core.derive.pipeline.PipelineCodec;
import dev.basalt.core.heads.Refs;
import dev.basalt.core.state.StateVisitor;
import dev.basalt.core.types.Bytes;
import dev.basalt.core.types.L1BlockRef;
import java.util.TreeMap;

/**
 * The frames of one channel (op-node {@code Channel}): ready once the closing frame and every
 * frame before it are in. Frames may arrive out of order unless {@code requireInOrder} (Holocene).
 */
final class Channel {
  /** op-node counts 200 bytes of bookkeeping per frame towards the channel's size. */
  static final long FRAME_OVERHEAD_BYTES = 200;

  private final ChannelId id;
  private final L1BlockRef openBlock;
  private final boolean requireInOrder;
  private long size;
  private boolean closed;
  private int highestFrameNumber;
  private int endFrameNumber;
  private final TreeMap<Integer, Frame> inputs = new TreeMap<>();
  private L1BlockRef highestInclusionBlock = L1BlockRef.ZERO;

  Channel(ChannelId id, L1BlockRef openBlock, boolean requireInOrder) {
    this.id = id;
    this.openBlock = openBlock;
    this.requireInOrder = requireInOrder;
  }

  static long frameSize(Frame f) {
    return f.data().length() + FRAME_OVERHEAD_BYTES;
  }

  ChannelId id() {
    return id;
  }

  long openBlockNumber() {
    return openBlock.number();
  }

  /** Compressed bytes plus per-frame overhead, as op-node counts it (see {@link #addFrame}). */
  long size() {
    return size;
  }

  int frameCount() {
    return inputs.size();
  }

  /** Adds {@code frame}; returns null, or why the channel refuses it (the spec's frame rules). */
  String addFrame(Frame frame, L1BlockRef inclusionBlock) {
    if (!frame.channelId().equals(id)) {
      return "frame of channel " + frame.channelId() + " offered to channel " + id;
    }
    if (frame.isLast() && closed) {
      return "second closing frame " + frame.number() + " for closed channel " + id;
    }
    if (inputs.containsKey(frame.number())) {
      return "duplicate frame " + frame.number() + " of channel " + id;
    }
    if (closed && frame.number() >= endFrameNumber) {
      return "frame " + frame.number() + " at or after the closing frame " + endFrameNumber + " of channel " + id;
    }
    if (requireInOrder && frame.number() != inputs.size()) {
      return "frame " + frame.number() + " out of order, expected " + inputs.size() + " in channel " + id;
    }
    if (frame.isLast()) {
      endFrameNumber = frame.number();
      closed = true;
      if (endFrameNumber < highestFrameNumber) {
        pruneAfterEnd();
      }
    }
    highestFrameNumber = Math.max(highestFrameNumber, frame.number());
    if (highestInclusionBlock.number() < inclusionBlock.number()) {
      highestInclusionBlock = inclusionBlock;
    }
    inputs.put(frame.number(), frame);
    size += frameSize(frame);
    return null;
  }

  /**
   * Drops the frames past a late closing frame. op-node and kona both subtract the size of every
   * buffered frame here, not only of the dropped ones, so afterwards the size counts only the
   * closing frame; the channel bank's pruning depends on that number, so it is kept exactly.
   */
  private void pruneAfterEnd() {
    for (Frame f : inputs.values()) {
      size -= frameSize(f);
    }
    inputs.tailMap(endFrameNumber, true).clear();
    highestFrameNumber = endFrameNumber;
  }

  boolean isReady() {
    if (!closed || inputs.size() != endFrameNumber + 1) {
      return false;
    }
    for (int i = 0; i <= endFrameNumber; i++) {
      if (!inputs.containsKey(i)) {
        return false;
      }
    }
    return true;
  }

  /** The channel's compressed bytes: frame data 0..end concatenated. Only for a ready channel. */
  Bytes data() {
    long total = 0;
    for (int i = 0; i <= endFrameNumber; i++) {
      total += inputs.get(i).data().length();
    }
    if (total > Integer.MAX_VALUE - 16) {
      // Unreachable: the stages bound a channel far below 2 GiB.
      throw new IllegalStateException("channel " + id + " holds " + total + " bytes");
    }
    byte[] out = new byte[(int) total];
    int p = 0;
    for (int i = 0; i <= endFrameNumber; i++) {
      Bytes d = inputs.get(i).data();
      d.copyTo(out, p);
      p += d.length();
    }
    return Bytes.wrapOwned(out);
  }

  void writeTo(BinaryWriter w) {
    PipelineCodec.writeChannelId(w, id);
    ValueCodec.write(w, openBlock);
    w.bool(requireInOrder).i64(size).bool(closed).i32(highestFrameNumber).i32(endFrameNumber);
    w.i32(inputs.size());
    for (Frame f : inputs.values()) {
      PipelineCodec.writeFrame(w, f);
    }
    ValueCodec.write(w, highestInclusionBlock);
  }

  static Channel readFrom(BinaryReader r) {
    Channel c = new Channel(PipelineCodec.readChannelId(r), ValueCodec.readL1BlockRef(r), r.bool());
    c.size = r.i64();
    c.closed = r.bool();
    c.highestFrameNumber = r.count(Frame.MAX_NUMBER, "highest frame number");
    c.endFrameNumber = r.count(Frame.MAX_NUMBER, "end frame number");
    int n = r.count(Frame.MAX_NUMBER + 1, "channel frames");
    for (int i = 0; i < n; i++) {
      Frame f = PipelineCodec.readFrame(r);
      if (!f.channelId().equals(c.id)) {
        throw new DecodeException("frame of another channel in channel " + c.id);
      }
      c.inputs.put(f.number(), f);
    }
    c.highestInclusionBlock = ValueCodec.readL1BlockRef(r);
    return c;
  }

  void describeTo(StateVisitor v) {
    v.beginObject(null);
    v.value("id", id.toHex());
    Refs.describe(v, "openBlock", openBlock);
    v.value("requireInOrder", requireInOrder);
    v.value("size", size);
    v.value("closed", closed);
    v.value("highestFrameNumber", highestFrameNumber);
    v.value("endFrameNumber", endFrameNumber);
    v.beginArray("frames");
    for (Frame f : inputs.values()) {
      PipelineCodec.describeFrame(v, f);
    }
    v.endArray();
    Refs.describe(v, "highestInclusionBlock", highestInclusionBlock);
    v.endObject();
  }
}
