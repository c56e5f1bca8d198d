package dev.basalt.core.derive.pipeline.channels;

import dev.basalt.core.codec.BinaryReader;
import dev.basalt.core.codec.BinaryWriter;
import dev.basalt.core.codec.DecodeException;
import dev.basalt.core.config.Fork;
import dev.basalt.core.config.RollupConfig;
import dev.basalt.core.derive.frame.ChannelId;
import dev.basalt.core.derive.frame.Frame;
import dev.basalt.core.derive.pipeline.DropListener;
import dev.basalt.core.derive.pipeline.DropReason;
import dev.basalt.core.derive.pipeline.PipelineCodec;
import dev.basalt.core.derive.pipeline.Pull;
import dev.basalt.core.derive.pipeline.frames.FrameSource;
import dev.basalt.core.state.StateVisitor;
import dev.basalt.core.types.Bytes;
import dev.basalt.core.types.L1BlockRef;
import java.util.ArrayList;
import java.util.TreeMap;
import java.util.List;

/**
 * op-node's pre-Holocene {@code ChannelBank}: buffers the frames of many channels, which may
 * arrive out of order and interleaved, and hands out complete channels. Reading comes before
 * loading, as in op-node, because pruning depends on that order. Timeouts use the current
 * origin's timestamp (Granite: 50 blocks); from Canyon the first ready channel in FIFO order is
 * read, before Canyon only the oldest one; the bank is pruned oldest-first above {@code
 * MAX_CHANNEL_BANK_SIZE}.
 */
final class ChannelBank implements ChannelStage {
  private final RollupConfig config;
  private final FrameSource prev;
  private final DropListener drops;
  private final TreeMap<ChannelId, Channel> channels = new TreeMap<>();
  /** Channel ids in the order their first frame (of any number) arrived: the FIFO read order. */
  private final List<ChannelId> queue = new ArrayList<>();

  ChannelBank(RollupConfig config, FrameSource prev, DropListener drops) {
    this.config = config;
    this.prev = prev;
    this.drops = drops;
  }

  @Override
  public Pull<Bytes> nextChannel() {
    Pull<Bytes> read = read();
    if (!(read instanceof Pull.Eof<Bytes>)) {
      return read;
    }
    Pull<Frame> frame = prev.nextFrame();
    if (!(frame instanceof Pull.Value<Frame> v)) {
      return frame.pass();
    }
    ingest(v.value());
    return Pull.more();
  }

  private boolean timedOut(Channel ch) {
    L1BlockRef origin = prev.origin();
    return ch.openBlockNumber() + config.channelTimeout(origin.timestamp()) < origin.number();
  }

  /** The first ready channel, {@link Pull.More} after dropping a timed-out head, else EOF. */
  Pull<Bytes> read() {
    if (queue.isEmpty()) {
      return Pull.eof();
    }
    Channel first = channels.get(queue.get(0));
    if (timedOut(first)) {
      // Several channels at the head may have timed out; each pull removes one.
      drops.dropped(DropReason.CHANNEL_TIMED_OUT, first.id() + " opened at " + first.openBlockNumber());
      channels.remove(first.id());
      queue.remove(0);
      return Pull.more();
    }
    // Canyon activates by the L1 origin's timestamp, not by an L2 timestamp.
    int candidates = config.isActive(Fork.CANYON, prev.origin().timestamp()) ? queue.size() : 1;
    for (int i = 0; i < candidates; i++) {
      Channel ch = channels.get(queue.get(i));
      if (!timedOut(ch) && ch.isReady()) {
        channels.remove(ch.id());
        queue.remove(i);
        return Pull.value(ch.data());
      }
    }
    return Pull.eof();
  }

  void ingest(Frame frame) {
    L1BlockRef origin = prev.origin();
    Channel ch = channels.get(frame.channelId());
    if (ch == null) {
      ch = new Channel(frame.channelId(), origin, false);
      channels.put(frame.channelId(), ch);
      queue.add(frame.channelId());
    }
    if (timedOut(ch)) {
      drops.dropped(DropReason.FRAME_FOR_TIMED_OUT_CHANNEL, frame.toString());
      return;
    }
    String refusal = ch.addFrame(frame, origin);
    if (refusal != null) {
      drops.dropped(DropReason.FRAME_REJECTED, refusal);
      return;
    }
    prune();
  }

  private void prune() {
    long total = 0;
    for (Channel c : channels.values()) {
      total += c.size();
    }
    long max = ChannelSizes.maxChannelBankBytes(config, prev.origin().timestamp());
    while (total > max) {
      Channel oldest = channels.remove(queue.remove(0));
      drops.dropped(DropReason.CHANNEL_PRUNED, oldest.id() + " of " + oldest.size() + " bytes, bank at " + total);
      total -= oldest.size();
    }
  }

  int channelCount() {
    return channels.size();
  }

  @Override
  public void reset() {
    channels.clear();
    queue.clear();
  }

  @Override
  public void writeTo(BinaryWriter w) {
    w.i32(queue.size());
    for (ChannelId id : queue) {
      channels.get(id).writeTo(w);
    }
  }

  @Override
  public void readFrom(BinaryReader r) {
    reset();
    int n = r.count(PipelineCodec.MAX_ITEMS, "bank channels");
    for (int i = 0; i < n; i++) {
      Channel c = Channel.readFrom(r);
      if (channels.put(c.id(), c) != null) {
        throw new DecodeException("channel " + c.id() + " twice in the bank snapshot");
      }
      queue.add(c.id());
    }
  }

  @Override
  public void describeTo(StateVisitor v) {
    v.value("stage", "channelBank");
    v.beginArray("channels");
    for (ChannelId id : queue) {
      channels.get(id).describeTo(v);
    }
    v.endArray();
  }
}
