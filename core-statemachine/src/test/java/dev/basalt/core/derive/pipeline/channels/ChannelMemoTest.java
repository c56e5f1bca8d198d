package dev.basalt.core.derive.pipeline.channels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.basalt.core.codec.BinaryReader;
import dev.basalt.core.codec.BinaryWriter;
import dev.basalt.core.config.Fork;
import dev.basalt.core.config.RollupConfig;
import dev.basalt.core.derive.batch.BatchData;
import dev.basalt.core.derive.batch.SingularBatch;
import dev.basalt.core.derive.batch.SpanBatchBuilder;
import dev.basalt.core.derive.channel.BatchRead;
import dev.basalt.core.derive.channel.ChannelEnd;
import dev.basalt.core.derive.channel.ChannelLimits;
import dev.basalt.core.derive.pipeline.Fixtures;
import dev.basalt.core.derive.pipeline.Pull;
import dev.basalt.core.derive.pipeline.RecordingDrops;
import dev.basalt.core.derive.pipeline.batches.ChannelBatch;
import dev.basalt.core.types.Bytes;
import dev.basalt.core.types.Hash32;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The channel memo answers exactly what reading answers: every read, drop and expanded span batch
 * of a channel read again through the memo equals a read without it, over seeded random channels
 * (valid, cut short, corrupted, with span batches that cannot be expanded).
 */
class ChannelMemoTest {
  private static final RollupConfig CONFIG = Fixtures.config(0, 2, 100, 600, 300, Fixtures.forksThrough(Fork.HOLOCENE));

  /** What a reader hands out for a list of channels, drops included, in order. */
  private record Outcome(List<Object> items) {}

  private static Outcome read(List<Bytes> channels, ChannelMemo memo, RollupConfig config) {
    ChannelReaderTest.FakeChannels in = new ChannelReaderTest.FakeChannels(Fixtures.l1Chain(10, 100).get(0));
    in.channels.addAll(channels);
    RecordingDrops drops = new RecordingDrops();
    ChannelReader reader = new ChannelReader(config, in, drops, memo);
    List<Object> items = new ArrayList<>();
    while (true) {
      Pull<ChannelBatch> p = reader.nextBatch();
      items.addAll(drops.drops);
      drops.drops.clear();
      if (p instanceof Pull.Value<ChannelBatch> v) {
        items.add(v.value());
      } else if (p instanceof Pull.Eof<ChannelBatch>) {
        return new Outcome(items);
      }
    }
  }

  private static BatchData randomBatch(SplittableRandom rnd, long timestamp) {
    if (rnd.nextInt(3) > 0) {
      List<Bytes> txs = new ArrayList<>();
      for (int i = rnd.nextInt(3); i > 0; i--) {
        txs.add(Bytes.fromHex(rnd.nextBoolean() ? "0x02c0" : "0x01c0"));
      }
      return new SingularBatch(Fixtures.hash(9, timestamp), 7, Fixtures.hash(1, 7), timestamp, txs);
    }
    SpanBatchBuilder span = new SpanBatchBuilder(0, CONFIG.l2ChainId());
    int blocks = 1 + rnd.nextInt(4);
    for (int i = 0; i < blocks; i++) {
      span.add(new SingularBatch(i == 0 ? Fixtures.hash(2, timestamp) : Hash32.ZERO, 7 + i, Fixtures.hash(1, 7 + i),
          timestamp + 2L * i, List.of()), 0);
    }
    return span.build();
  }

  private static Bytes randomChannel(SplittableRandom rnd) {
    List<BatchData> batches = new ArrayList<>();
    for (int i = rnd.nextInt(1, 6); i > 0; i--) {
      batches.add(randomBatch(rnd, 100 + 2L * rnd.nextInt(50)));
    }
    byte[] data = ChannelReaderTest.zlibChannel(batches.toArray(BatchData[]::new)).toArray();
    switch (rnd.nextInt(4)) {
      case 0 -> data = java.util.Arrays.copyOf(data, 1 + rnd.nextInt(data.length)); // cut short
      case 1 -> data[rnd.nextInt(data.length)] ^= (byte) (1 + rnd.nextInt(255)); // corrupted
      default -> {}
    }
    return Bytes.of(data);
  }

  @Test
  void channelsReadAgainThroughTheMemoGiveWhatReadingGives() {
    SplittableRandom rnd = new SplittableRandom(20261122);
    for (int round = 0; round < 60; round++) {
      List<Bytes> channels = new ArrayList<>();
      for (int i = rnd.nextInt(1, 6); i > 0; i--) {
        channels.add(randomChannel(rnd));
      }
      Outcome fresh = read(channels, new ChannelMemo(), CONFIG);
      ChannelMemo shared = new ChannelMemo();
      assertEquals(fresh, read(channels, shared, CONFIG), "first read, round " + round);
      for (Bytes c : channels) {
        assertNotNull(shared.find(c, ChannelLimits.at(CONFIG, 100)), "every channel read to its end is kept");
      }
      assertEquals(fresh, read(channels, shared, CONFIG), "read again from the memo, round " + round);
      assertEquals(fresh, read(channels, shared, CONFIG), "expanded spans kept, round " + round);
    }
  }

  @Test
  void spanExpansionFollowsTheBlockTimeItIsAskedWith() {
    RollupConfig slower = Fixtures.config(0, 4, 100, 600, 300, Fixtures.forksThrough(Fork.HOLOCENE));
    SpanBatchBuilder span = new SpanBatchBuilder(0, CONFIG.l2ChainId());
    span.add(new SingularBatch(Fixtures.hash(2, 1), 7, Fixtures.hash(1, 7), 100, List.of()), 0);
    span.add(new SingularBatch(Hash32.ZERO, 8, Fixtures.hash(1, 8), 102, List.of()), 0);
    List<Bytes> channels = List.of(ChannelReaderTest.zlibChannel(span.build()));
    ChannelMemo shared = new ChannelMemo();
    for (RollupConfig config : List.of(CONFIG, slower, CONFIG, slower)) {
      assertEquals(read(channels, new ChannelMemo(), config), read(channels, shared, config));
    }
  }

  @Test
  void aChannelLeftHalfReadIsNotKept() {
    Bytes channel = ChannelReaderTest.zlibChannel(ChannelReaderTest.singular(100), ChannelReaderTest.singular(102));
    ChannelReaderTest.FakeChannels in = new ChannelReaderTest.FakeChannels(Fixtures.l1Chain(10, 100).get(0));
    in.channels.add(channel);
    ChannelMemo memo = new ChannelMemo();
    ChannelReader reader = new ChannelReader(CONFIG, in, new RecordingDrops(), memo);
    reader.nextBatch();
    reader.flushChannel();
    assertNull(memo.find(channel, ChannelLimits.at(CONFIG, 100)));
  }

  @Test
  void aSnapshotRestoredMidChannelReadsOnAsWithoutTheMemo() {
    Bytes channel = ChannelReaderTest.zlibChannel(ChannelReaderTest.singular(100), ChannelReaderTest.singular(102),
        ChannelReaderTest.singular(104));
    ChannelMemo memo = new ChannelMemo();
    read(List.of(channel), memo, CONFIG);
    ChannelReaderTest.FakeChannels in = new ChannelReaderTest.FakeChannels(Fixtures.l1Chain(10, 100).get(0));
    in.channels.add(channel);
    ChannelReader r = new ChannelReader(CONFIG, in, new RecordingDrops(), memo);
    r.nextBatch();
    BinaryWriter w = new BinaryWriter();
    r.writeTo(w);
    ChannelReaderTest.FakeChannels none = new ChannelReaderTest.FakeChannels(in.origin);
    ChannelReader withMemo = new ChannelReader(CONFIG, none, new RecordingDrops(), memo);
    withMemo.readFrom(new BinaryReader(w.toByteArray()));
    ChannelReader without = new ChannelReader(CONFIG, none, new RecordingDrops(), new ChannelMemo());
    without.readFrom(new BinaryReader(w.toByteArray()));
    for (int i = 0; i < 4; i++) {
      assertEquals(without.nextBatch(), withMemo.nextBatch());
    }
    BinaryWriter a = new BinaryWriter();
    BinaryWriter b = new BinaryWriter();
    withMemo.writeTo(a);
    without.writeTo(b);
    assertEquals(Bytes.of(b.toByteArray()), Bytes.of(a.toByteArray()), "the memo never reaches a snapshot");
  }

  @Test
  void theMemoIsBoundedInChannelsAndBytes() {
    ChannelMemo memo = new ChannelMemo();
    ChannelLimits limits = ChannelLimits.at(CONFIG, 100);
    List<BatchRead> reads = List.of(new BatchRead.End(ChannelEnd.EXHAUSTED, "end"));
    for (int i = 0; i < ChannelMemo.MAX_CHANNELS + 10; i++) {
      memo.remember(Bytes.fromHex(String.format("0x78%08x", i)), limits, reads, 10);
    }
    assertEquals(ChannelMemo.MAX_CHANNELS, memo.size());
    assertNull(memo.find(Bytes.fromHex("0x7800000000"), limits), "the oldest went first");
    assertNotNull(memo.find(Bytes.fromHex(String.format("0x78%08x", ChannelMemo.MAX_CHANNELS + 9)), limits));
    for (int i = 0; i < ChannelMemo.MAX_CHANNELS + 10; i++) {
      // Exactly the newest MAX_CHANNELS are kept, wherever they sit in the ring.
      assertEquals(i >= 10, memo.find(Bytes.fromHex(String.format("0x78%08x", i)), limits) != null, "channel " + i);
    }
    assertNull(memo.remember(Bytes.fromHex("0x78ff"), limits, reads, ChannelMemo.MAX_CHANNEL_BYTES + 1));
    long each = ChannelMemo.MAX_CHANNEL_BYTES;
    for (int i = 0; i < 10; i++) {
      memo.remember(Bytes.fromHex(String.format("0x79%08x", i)), limits, reads, each);
    }
    assertTrue(memo.size() <= ChannelMemo.MAX_TOTAL_BYTES / each, "at most the byte bound's worth: " + memo.size());
    for (int i = 0; i < 10; i++) {
      // The byte bound forgets the oldest first: the newest channels that fit are all still found.
      assertEquals(i >= 10 - memo.size(), memo.find(Bytes.fromHex(String.format("0x79%08x", i)), limits) != null, "big channel " + i);
    }
    assertThrows(IllegalArgumentException.class, () -> memo.remember(Bytes.fromHex("0x78"), limits, List.of(), 1));
  }
}
