package dev.basalt.core.derive.pipeline.channels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.basalt.core.codec.BinaryReader;
import dev.basalt.core.codec.BinaryWriter;
import dev.basalt.core.config.Fork;
import dev.basalt.core.config.RollupConfig;
import dev.basalt.core.derive.batch.BatchCodec;
import dev.basalt.core.derive.batch.BatchData;
import dev.basalt.core.derive.batch.SingularBatch;
import dev.basalt.core.derive.batch.SpanBatchBuilder;
import dev.basalt.core.derive.pipeline.DropReason;
import dev.basalt.core.derive.pipeline.Fixtures;
import dev.basalt.core.derive.pipeline.Pull;
import dev.basalt.core.derive.pipeline.RecordingDrops;
import dev.basalt.core.derive.pipeline.batches.ChannelBatch;
import dev.basalt.core.types.Bytes;
import dev.basalt.core.types.Hash32;
import dev.basalt.core.types.L1BlockRef;
import java.io.ByteArrayOutputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.Deflater;
import org.junit.jupiter.api.Test;

/** The channel reader: lazy batch reads, per-fork drops, flushing and snapshots mid-channel. */
class ChannelReaderTest {
  private final RecordingDrops drops = new RecordingDrops();

  static final class FakeChannels implements ChannelSource {
    final ArrayDeque<Bytes> channels = new ArrayDeque<>();
    L1BlockRef origin;

    FakeChannels(L1BlockRef origin) {
      this.origin = origin;
    }

    @Override
    public Pull<Bytes> nextChannel() {
      return channels.isEmpty() ? Pull.eof() : Pull.value(channels.pollFirst());
    }

    @Override
    public L1BlockRef origin() {
      return origin;
    }
  }

  static SingularBatch singular(long timestamp) {
    return new SingularBatch(Fixtures.hash(9, timestamp), 7, Fixtures.hash(1, 7), timestamp, List.of(Bytes.fromHex("0x02c0")));
  }

  static Bytes zlibChannel(BatchData... batches) {
    ByteArrayOutputStream rlp = new ByteArrayOutputStream();
    for (BatchData b : batches) {
      rlp.writeBytes(BatchCodec.encodeForChannel(b));
    }
    Deflater d = new Deflater(Deflater.BEST_COMPRESSION);
    d.setInput(rlp.toByteArray());
    d.finish();
    byte[] buf = new byte[rlp.size() + 1024];
    int n = d.deflate(buf);
    d.end();
    return Bytes.of(buf, 0, n);
  }

  private static List<ChannelBatch> readAll(ChannelReader r) {
    List<ChannelBatch> out = new ArrayList<>();
    while (true) {
      Pull<ChannelBatch> p = r.nextBatch();
      if (p instanceof Pull.Value<ChannelBatch> v) {
        out.add(v.value());
      } else if (p instanceof Pull.Eof<ChannelBatch>) {
        return out;
      }
    }
  }

  private static SingularBatch asSingular(ChannelBatch b) {
    return ((ChannelBatch.Singular) b).batch();
  }

  @Test
  void readsBatchesChannelAfterChannel() {
    RollupConfig cfg = Fixtures.config(0, 2, 100, 600, 300, Fixtures.forksThrough(Fork.HOLOCENE));
    FakeChannels in = new FakeChannels(Fixtures.l1Chain(10, 100).get(0));
    in.channels.add(zlibChannel(singular(100), singular(102)));
    in.channels.add(zlibChannel(singular(104)));
    List<ChannelBatch> got = readAll(new ChannelReader(cfg, in, drops));
    assertEquals(List.of(100L, 102L, 104L), got.stream().map(ChannelBatch::timestamp).toList());
    assertEquals(singular(102), asSingular(got.get(1)));
    assertEquals(0, drops.drops.size());
  }

  @Test
  void spanBatchBeforeDeltaIsDroppedAloneAndTheChannelContinues() {
    RollupConfig cfg = Fixtures.config(0, 2, 100, 600, 300, Fixtures.forksWith(Fork.DELTA, 1_000_000));
    FakeChannels in = new FakeChannels(Fixtures.l1Chain(10, 100).get(0));
    SpanBatchBuilder span = new SpanBatchBuilder(0, cfg.l2ChainId());
    span.add(new SingularBatch(Hash32.ZERO, 7, Fixtures.hash(1, 7), 100, List.of()), 0);
    in.channels.add(zlibChannel(singular(98), span.build(), singular(102)));
    List<ChannelBatch> got = readAll(new ChannelReader(cfg, in, drops));
    assertEquals(List.of(98L, 102L), got.stream().map(ChannelBatch::timestamp).toList());
    assertEquals(1, drops.count(DropReason.SPAN_BATCH_BEFORE_DELTA));
  }

  @Test
  void spanBatchFromDeltaIsExpanded() {
    RollupConfig cfg = Fixtures.config(0, 2, 100, 600, 300, Fixtures.forksThrough(Fork.DELTA));
    FakeChannels in = new FakeChannels(Fixtures.l1Chain(10, 100).get(0));
    SpanBatchBuilder span = new SpanBatchBuilder(0, cfg.l2ChainId());
    span.add(new SingularBatch(Fixtures.hash(2, 1), 7, Fixtures.hash(1, 7), 100, List.of()), 0);
    span.add(new SingularBatch(Hash32.ZERO, 8, Fixtures.hash(1, 8), 102, List.of()), 0);
    in.channels.add(zlibChannel(span.build()));
    List<ChannelBatch> got = readAll(new ChannelReader(cfg, in, drops));
    ChannelBatch.Span s = assertInstanceOf(ChannelBatch.Span.class, got.get(0));
    assertEquals(2, s.batch().elements().size());
    assertEquals(8, s.batch().endEpochNumber());
    assertTrue(s.batch().checkParentHash(Fixtures.hash(2, 1)));
  }

  @Test
  void unreadableChannelsEndWithADropAndTheNextChannelIsRead() {
    RollupConfig cfg = Fixtures.config(0, 2, 100, 600, 300, Fixtures.forksThrough(Fork.HOLOCENE));
    FakeChannels in = new FakeChannels(Fixtures.l1Chain(10, 100).get(0));
    in.channels.add(Bytes.fromHex("0x02abcdef"));
    in.channels.add(Bytes.fromHex("0x78deadbeef"));
    in.channels.add(zlibChannel(singular(100)));
    List<ChannelBatch> got = readAll(new ChannelReader(cfg, in, drops));
    assertEquals(1, got.size());
    assertEquals(2, drops.count(DropReason.CHANNEL_UNREADABLE));
  }

  @Test
  void flushDropsTheRestOfTheChannel() {
    RollupConfig cfg = Fixtures.config(0, 2, 100, 600, 300, Fixtures.forksThrough(Fork.HOLOCENE));
    FakeChannels in = new FakeChannels(Fixtures.l1Chain(10, 100).get(0));
    in.channels.add(zlibChannel(singular(100), singular(102), singular(104)));
    in.channels.add(zlibChannel(singular(200)));
    ChannelReader r = new ChannelReader(cfg, in, drops);
    assertEquals(100, ((Pull.Value<ChannelBatch>) r.nextBatch()).value().timestamp());
    r.flushChannel();
    assertEquals(List.of(200L), readAll(r).stream().map(ChannelBatch::timestamp).toList());
    assertEquals(1, drops.count(DropReason.CHANNEL_FLUSHED));
  }

  @Test
  void snapshotMidChannelReopensAndSkipsTheBatchesAlreadyRead() {
    RollupConfig cfg = Fixtures.config(0, 2, 100, 600, 300, Fixtures.forksThrough(Fork.HOLOCENE));
    FakeChannels in = new FakeChannels(Fixtures.l1Chain(10, 100).get(0));
    in.channels.add(zlibChannel(singular(100), singular(102), singular(104)));
    ChannelReader r = new ChannelReader(cfg, in, drops);
    r.nextBatch();
    BinaryWriter w = new BinaryWriter();
    r.writeTo(w);
    ChannelReader restored = new ChannelReader(cfg, new FakeChannels(in.origin), drops);
    restored.readFrom(new BinaryReader(w.toByteArray()));
    assertTrue(restored.hasOpenChannel());
    assertEquals(readAll(r), readAll(restored));
  }
}
