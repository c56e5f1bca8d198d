package dev.basalt.core.derive.pipeline.channels;

import dev.basalt.core.codec.BinaryReader;
import dev.basalt.core.codec.BinaryWriter;
import dev.basalt.core.config.RollupConfig;
import dev.basalt.core.derive.frame.Frame;
import dev.basalt.core.derive.pipeline.DropListener;
import dev.basalt.core.derive.pipeline.DropReason;
import dev.basalt.core.derive.pipeline.Pull;
import dev.basalt.core.derive.pipeline.frames.FrameSource;
import dev.basalt.core.state.StateVisitor;
import dev.basalt.core.types.Bytes;
import dev.basalt.core.types.L1BlockRef;

/**
 * op-node's Holocene {@code ChannelAssembler}: one staging channel whose frames must arrive in
 * order. A first frame always starts a new channel (replacing an unfinished one); the staging
 * channel is dropped when it times out or its compressed size passes {@code
 * MAX_RLP_BYTES_PER_CHANNEL}. Frames are ingested in a loop until a channel completes, because the
 * frames per L1 block are bounded by the block's batcher data anyway.
 */
final class ChannelAssembler implements ChannelStage {
  private final RollupConfig config;
  private final FrameSource prev;
  private final DropListener drops;
  private Channel channel;

  ChannelAssembler(RollupConfig config, FrameSource prev, DropListener drops) {
    this.config = config;
    this.prev = prev;
    this.drops = drops;
  }

  private boolean timedOut() {
    L1BlockRef origin = prev.origin();
    return channel.openBlockNumber() + config.channelTimeout(origin.timestamp()) < origin.number();
  }

  @Override
  public Pull<Bytes> nextChannel() {
    if (channel != null && timedOut()) {
      drops.dropped(DropReason.CHANNEL_TIMED_OUT, channel.id() + " opened at " + channel.openBlockNumber());
      channel = null;
    }
    if (channel != null && channel.isReady()) {
      return Pull.critical("channel assembler holds a ready channel " + channel.id());
    }
    while (true) {
      Pull<Frame> next = prev.nextFrame();
      if (!(next instanceof Pull.Value<Frame> v)) {
        return next.pass();
      }
      Frame frame = v.value();
      if (ingest(frame) && frame.isLast()) {
        break;
      }
    }
    Channel done = channel;
    channel = null;
    if (done == null || !done.isReady()) {
      return Pull.critical("channel assembler finished a channel that is not ready");
    }
    return Pull.value(done.data());
  }

  /** Adds one frame; true when it went into the staging channel. */
  private boolean ingest(Frame frame) {
    L1BlockRef origin = prev.origin();
    if (frame.number() == 0) {
      if (channel != null) {
        drops.dropped(DropReason.CHANNEL_REPLACED, channel.id() + " replaced by " + frame.channelId());
      }
      channel = new Channel(frame.channelId(), origin, true);
    }
    if (channel == null) {
      drops.dropped(DropReason.FRAME_WITHOUT_CHANNEL, frame.toString());
      return false;
    }
    // The frame queue orders frames within what it holds, not against frames already handed
    // out, so the channel checks the order again.
    String refusal = channel.addFrame(frame, origin);
    if (refusal != null) {
      drops.dropped(DropReason.FRAME_REJECTED, refusal);
      return false;
    }
    if (channel.size() > ChannelSizes.maxChannelBytes(config, origin.timestamp())) {
      drops.dropped(DropReason.CHANNEL_OVERSIZED, channel.id() + " reached " + channel.size() + " bytes");
      channel = null;
      return false;
    }
    return true;
  }

  /** The id of the staging channel, or null. */
  String stagingChannel() {
    return channel == null ? null : channel.id().toHex();
  }

  @Override
  public void reset() {
    channel = null;
  }

  @Override
  public void writeTo(BinaryWriter w) {
    w.bool(channel != null);
    if (channel != null) {
      channel.writeTo(w);
    }
  }

  @Override
  public void readFrom(BinaryReader r) {
    channel = r.bool() ? Channel.readFrom(r) : null;
  }

  @Override
  public void describeTo(StateVisitor v) {
    v.value("stage", "channelAssembler");
    v.beginArray("staging");
    if (channel != null) {
      channel.describeTo(v);
    }
    v.endArray();
  }
}
