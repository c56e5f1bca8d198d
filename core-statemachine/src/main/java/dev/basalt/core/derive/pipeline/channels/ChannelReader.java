package dev.basalt.core.derive.pipeline.channels;

import dev.basalt.core.codec.BinaryReader;
import dev.basalt.core.codec.BinaryWriter;
import dev.basalt.core.codec.DecodeException;
import dev.basalt.core.config.Fork;
import dev.basalt.core.config.RollupConfig;
import dev.basalt.core.derive.batch.RawSpanBatch;
import dev.basalt.core.derive.batch.SingularBatch;
import dev.basalt.core.derive.batch.SpanBatch;
import dev.basalt.core.derive.channel.BatchRead;
import dev.basalt.core.derive.channel.ChannelBatchReader;
import dev.basalt.core.derive.channel.ChannelEnd;
import dev.basalt.core.derive.channel.ChannelLimits;
import dev.basalt.core.derive.pipeline.DropListener;
import dev.basalt.core.derive.pipeline.DropReason;
import dev.basalt.core.derive.pipeline.PipelineCodec;
import dev.basalt.core.derive.pipeline.Pull;
import dev.basalt.core.derive.pipeline.StageState;
import dev.basalt.core.derive.pipeline.batches.BatchSource;
import dev.basalt.core.derive.pipeline.batches.ChannelBatch;
import dev.basalt.core.state.StateVisitor;
import dev.basalt.core.types.Bytes;
import dev.basalt.core.types.L1BlockRef;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * op-node's {@code ChannelInReader}: reads batches lazily out of one channel at a time, with the
 * limits of the origin's fork at the moment the channel is opened (Fjord: 100 MB of RLP, brotli).
 * Any failure to read ends the channel; a span batch while the origin is before Delta, or one
 * whose transactions cannot be expanded, is dropped alone and reading continues with the next
 * batch of the same channel, exactly as op-node's temporary errors do.
 *
 * <p>The decompressor holds a native inflater, so a snapshot records the channel's compressed
 * bytes, its limits and how many batches were read; a restore reopens it and skips that many.
 */
public final class ChannelReader implements BatchSource, StageState {
  private final RollupConfig config;
  private final ChannelSource prev;
  private final DropListener drops;

  private final ChannelMemo memo;

  private Bytes channelData;
  private ChannelLimits limits;
  private int batchesRead;
  /** The open channel's decompressing reader; null when it is replayed from the memo or none is open. */
  private ChannelBatchReader reader;
  /** The open channel's remembered reads; null when it is read afresh or none is open. */
  private ChannelMemo.Reads remembered;
  /** Reads of a channel read afresh, for the memo once it ends; null once it grew too large to keep. */
  private List<BatchRead> recording;
  /** The decompression buffer every channel's reader uses in turn (only one is open at a time). */
  private final byte[] chunk = ChannelBatchReader.newChunk();

  public ChannelReader(RollupConfig config, ChannelSource prev, DropListener drops) {
    this(config, prev, drops, new ChannelMemo());
  }

  /** As above, remembering read channels in {@code memo}, which may outlive this reader (it never changes an answer). */
  public ChannelReader(RollupConfig config, ChannelSource prev, DropListener drops, ChannelMemo memo) {
    this.config = config;
    this.prev = prev;
    this.drops = drops;
    this.memo = Objects.requireNonNull(memo, "memo");
  }

  @Override
  public L1BlockRef origin() {
    return prev.origin();
  }

  @Override
  public Pull<ChannelBatch> nextBatch() {
    if (channelData == null) {
      Pull<Bytes> next = prev.nextChannel();
      if (!(next instanceof Pull.Value<Bytes> v)) {
        return next.pass();
      }
      open(v.value(), ChannelLimits.at(config, origin().timestamp()));
    }
    BatchRead read = nextRead();
    if (read instanceof BatchRead.End end) {
      if (end.reason() != ChannelEnd.EXHAUSTED) {
        drops.dropped(DropReason.CHANNEL_UNREADABLE, end.reason() + ": " + end.detail());
      }
      close();
      return Pull.more();
    }
    int index = batchesRead++;
    return switch (((BatchRead.Batch) read).batch()) {
      case SingularBatch s -> Pull.value(new ChannelBatch.Singular(s));
      case RawSpanBatch raw -> span(raw, index);
    };
  }

  /** The open channel's next read: remembered, or decompressed and recorded for the memo. */
  private BatchRead nextRead() {
    if (remembered != null) {
      return remembered.read(batchesRead);
    }
    BatchRead read = reader.next();
    if (recording != null) {
      recording.add(read);
      if (read instanceof BatchRead.End) {
        // The channel closes right after its end: the memo keeps the reads for the next time.
        memo.remember(channelData, limits, recording, reader.consumedBytes());
        recording = null;
      } else if (reader.consumedBytes() > ChannelMemo.MAX_CHANNEL_BYTES) {
        recording = null;
      }
    }
    return read;
  }

  private Pull<ChannelBatch> span(RawSpanBatch raw, int index) {
    L1BlockRef origin = origin();
    if (!config.isActive(Fork.DELTA, origin.timestamp())) {
      // An early drop by the inclusion block's time; the batch stages check Delta again by the
      // batch's own L1 origin.
      drops.dropped(DropReason.SPAN_BATCH_BEFORE_DELTA, "span batch read at " + origin + " (time " + origin.timestamp() + ")");
      return Pull.more();
    }
    try {
      SpanBatch span = remembered != null
          ? remembered.span(index, raw, new ChannelMemo.SpanRules(config.blockTimeSeconds(), config.genesis().l2Time(), config.l2ChainId()))
          : raw.derive(config.blockTimeSeconds(), config.genesis().l2Time(), config.l2ChainId());
      return Pull.value(new ChannelBatch.Span(span));
    } catch (DecodeException e) {
      drops.dropped(DropReason.SPAN_BATCH_UNDERIVABLE, e.getMessage());
      return Pull.more();
    }
  }

  private void open(Bytes data, ChannelLimits channelLimits) {
    channelData = data;
    limits = channelLimits;
    batchesRead = 0;
    remembered = memo.find(data, channelLimits);
    if (remembered == null) {
      reader = ChannelBatchReader.open(data.toArray(), channelLimits, chunk);
      recording = new ArrayList<>();
    }
  }

  private void close() {
    if (reader != null) {
      reader.close();
    }
    reader = null;
    remembered = null;
    recording = null;
    channelData = null;
    limits = null;
    batchesRead = 0;
  }

  @Override
  public void flushChannel() {
    if (channelData != null) {
      drops.dropped(DropReason.CHANNEL_FLUSHED, "after " + batchesRead + " batches");
    }
    close();
  }

  /** True while a channel is open (some of its batches may be unread). */
  public boolean hasOpenChannel() {
    return channelData != null;
  }

  public void reset() {
    close();
  }

  @Override
  public void writeTo(BinaryWriter w) {
    w.bool(channelData != null);
    if (channelData != null) {
      w.bytes(channelData).i64(limits.maxRlpBytes()).bool(limits.brotliAllowed()).i32(batchesRead);
    }
  }

  @Override
  public void readFrom(BinaryReader r) {
    close();
    if (!r.bool()) {
      return;
    }
    Bytes data = r.bytes();
    long maxRlp = r.u63("channel byte limit");
    ChannelLimits channelLimits = new ChannelLimits(maxRlp, r.bool());
    int skip = r.count(Integer.MAX_VALUE, "batches read");
    open(data, channelLimits);
    for (int i = 0; i < skip; i++) {
      if (nextRead() instanceof BatchRead.End) {
        throw new DecodeException("channel in snapshot ends after " + i + " of " + skip + " batches");
      }
      batchesRead++;
    }
  }

  @Override
  public void describeTo(StateVisitor v) {
    v.value("open", channelData != null);
    if (channelData != null) {
      PipelineCodec.describeBytes(v, "channel", channelData);
      v.value("maxRlpBytes", limits.maxRlpBytes());
      v.value("brotliAllowed", limits.brotliAllowed());
      v.value("batchesRead", batchesRead);
    }
  }
}
