package dev.basalt.core.derive.pipeline.batches;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.basalt.core.config.Fork;
import dev.basalt.core.config.RollupConfig;
import dev.basalt.core.derive.batch.SingularBatch;
import dev.basalt.core.derive.batch.SpanBatch;
import dev.basalt.core.derive.pipeline.DropReason;
import dev.basalt.core.derive.pipeline.Fixtures;
import dev.basalt.core.derive.pipeline.Pull;
import dev.basalt.core.derive.pipeline.RecordingDrops;
import dev.basalt.core.types.Bytes;
import dev.basalt.core.types.Hash32;
import dev.basalt.core.types.L1BlockRef;
import dev.basalt.core.types.L2BlockRef;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * op-node's {@code TestBatchStages}: the same scenarios on the batch queue and the Holocene batch
 * stage, with singular and with span batches.
 */
class BatchStagesTest {
  enum Kind { QUEUE, STAGE }

  static Stream<Arguments> stagesAndTypes() {
    return Stream.of(
        Arguments.of(Kind.QUEUE, false), Arguments.of(Kind.QUEUE, true),
        Arguments.of(Kind.STAGE, false), Arguments.of(Kind.STAGE, true));
  }

  final RecordingDrops drops = new RecordingDrops();

  /** op-node's mockHash: the time in the first bytes, the layer (1 = L1, 2 = L2) as a tag. */
  static Hash32 mockHash(long time, int layer) {
    return Fixtures.hash(layer, time);
  }

  /** op-node's {@code L1Chain}: numbers from 0, one block per given time. */
  static List<L1BlockRef> l1(long... times) {
    List<L1BlockRef> out = new ArrayList<>();
    Hash32 parent = Hash32.ZERO;
    for (int i = 0; i < times.length; i++) {
      Hash32 h = mockHash(times[i], 1);
      out.add(new L1BlockRef(h, i, parent, times[i]));
      parent = h;
    }
    return out;
  }

  /** op-node's {@code b()}: a batch with one transaction building on the block two seconds before. */
  static SingularBatch b(long timestamp, L1BlockRef epoch) {
    Bytes tx = Bytes.wrapOwned(new byte[] {0x02, (byte) timestamp, 0x11, 0x22});
    return new SingularBatch(mockHash(timestamp - 2, 2), epoch.number(), epoch.hash(), timestamp, List.of(tx));
  }

  static L2BlockRef safeHead(long time, L1BlockRef origin) {
    return new L2BlockRef(mockHash(time, 2), 0, Hash32.ZERO, time, origin.id(), 0);
  }

  static L2BlockRef advance(L2BlockRef head, SingularBatch b) {
    return new L2BlockRef(mockHash(b.timestamp(), 2), head.number() + 1, head.hash(), b.timestamp(), b.epoch(), 0);
  }

  RollupConfig config(Kind kind, long seqWindow) {
    return Fixtures.config(10, 2, seqWindow, 600, 300, Fixtures.forksThrough(kind == Kind.STAGE ? Fork.HOLOCENE : Fork.DELTA));
  }

  BatchStageState stage(Kind kind, RollupConfig cfg, BatchSource in) {
    return kind == Kind.QUEUE ? new BatchQueue(cfg, in, new BatchChain.View(), drops) : new BatchStage(cfg, in, new BatchChain.View(), drops);
  }

  /** Input batches: the singular batches, or span batches of the given block counts. */
  static void feed(FakeBatches in, boolean spans, List<SingularBatch> batches, int... spanCounts) {
    if (!spans) {
      batches.forEach(in::add);
      return;
    }
    int idx = 0;
    for (int count : spanCounts) {
      in.add(BatchChain.span(batches.subList(idx, idx + count).toArray(SingularBatch[]::new)));
      idx += count;
    }
  }

  @ParameterizedTest(name = "{0} spans={1}")
  @MethodSource("stagesAndTypes")
  void newOriginIsSavedWhenTheSafeHeadIsAhead(Kind kind, boolean spans) {
    List<L1BlockRef> l1 = l1(10, 15, 20, 25);
    L2BlockRef safe = safeHead(20, l1.get(2));
    FakeBatches in = new FakeBatches(l1.get(0)).eof();
    BatchStageState bq = stage(kind, config(kind, 2), in);
    bq.reset(l1.get(0));
    assertEquals(List.of(l1.get(0)), bq.origins().l1Blocks);

    assertInstanceOf(Pull.Eof.class, bq.nextBatch(safe));
    assertEquals(List.of(l1.get(0)), bq.origins().l1Blocks);
    assertEquals(l1.get(0), bq.origins().origin);

    in.origin = l1.get(1);
    assertInstanceOf(Pull.Eof.class, bq.nextBatch(safe));
    assertTrue(bq.origins().l1Blocks.isEmpty(), "behind the safe head's epoch the window is wiped");
    assertEquals(l1.get(1), bq.origins().origin);

    in.origin = l1.get(2);
    assertInstanceOf(Pull.Eof.class, bq.nextBatch(safe));
    assertEquals(List.of(l1.get(2)), bq.origins().l1Blocks);
    assertEquals(l1.get(2), bq.origins().origin);
  }

  @ParameterizedTest(name = "{0} spans={1}")
  @MethodSource("stagesAndTypes")
  void resetOneBlockBeforeTheOriginPrunesTheResetBlock(Kind kind, boolean spans) {
    List<L1BlockRef> l1 = l1(10, 15, 20, 25);
    L2BlockRef safe = safeHead(20, l1.get(1));
    FakeBatches in = new FakeBatches(l1.get(0)).eof();
    BatchStageState bq = stage(kind, config(kind, 2), in);
    bq.reset(l1.get(0));
    assertInstanceOf(Pull.Eof.class, bq.nextBatch(safe));
    assertEquals(List.of(l1.get(0)), bq.origins().l1Blocks);

    in.origin = l1.get(1);
    assertInstanceOf(Pull.Eof.class, bq.nextBatch(safe));
    assertEquals(List.of(l1.get(1)), bq.origins().l1Blocks);

    in.origin = l1.get(2);
    assertInstanceOf(Pull.Eof.class, bq.nextBatch(safe));
    assertEquals(List.of(l1.get(1), l1.get(2)), bq.origins().l1Blocks);
  }

  @ParameterizedTest(name = "{0} spans={1}")
  @MethodSource("stagesAndTypes")
  void eagerlyReturnsContiguousBatches(Kind kind, boolean spans) {
    List<L1BlockRef> l1 = l1(10, 20, 30);
    L2BlockRef safe = safeHead(10, l1.get(0));
    List<SingularBatch> expected = new ArrayList<>();
    for (long t = 12; t <= 22; t += 2) {
      expected.add(b(t, l1.get(0)));
    }
    FakeBatches in = new FakeBatches(l1.get(0));
    feed(in, spans, expected, 1, 2, 3);
    in.eof();
    BatchStageState bq = stage(kind, config(kind, 30), in);
    bq.reset(l1.get(0));
    in.origin = l1.get(1);
    for (SingularBatch want : expected) {
      NextBatch got = next(bq, safe);
      assertEquals(want, got.batch());
      safe = advance(safe, got.batch());
    }
    assertInstanceOf(Pull.Eof.class, bq.nextBatch(safe));
  }

  /** Pulls until a batch comes, failing on EOF or a halt. */
  private static NextBatch next(BatchStageState bq, L2BlockRef safe) {
    for (int i = 0; i < 100; i++) {
      Pull<NextBatch> p = bq.nextBatch(safe);
      if (p instanceof Pull.Value<NextBatch> v) {
        return v.value();
      }
      if (!(p instanceof Pull.More<NextBatch>)) {
        throw new AssertionError("expected a batch, got " + p);
      }
    }
    throw new AssertionError("no batch after 100 pulls");
  }

  @ParameterizedTest(name = "{0} spans={1}")
  @MethodSource("stagesAndTypes")
  void emptyBatchesDoNotSkipAnEpoch(Kind kind, boolean spans) {
    List<L1BlockRef> l1 = l1(5, 10, 15, 20, 25, 30);
    L2BlockRef safe = safeHead(10, l1.get(0));
    List<SingularBatch> expected = new ArrayList<>();
    for (long t = 12; t <= 22; t += 2) {
      expected.add(b(t, l1.get(0)));
    }
    FakeBatches in = new FakeBatches(l1.get(0)).eof();
    feed(in, spans, expected, 1, 2, 3);
    in.eof();
    BatchStageState bq = stage(kind, config(kind, 2), in);
    bq.reset(l1.get(0));
    assertInstanceOf(Pull.Eof.class, bq.nextBatch(safe));
    in.origin = l1.get(1);
    for (SingularBatch want : expected) {
      NextBatch got = next(bq, safe);
      assertEquals(want, got.batch());
      safe = advance(safe, got.batch());
    }
    assertInstanceOf(Pull.Eof.class, bq.nextBatch(safe));
    in.origin = l1.get(2);
    assertInstanceOf(Pull.Eof.class, bq.nextBatch(safe), "no forced batches yet");
    in.origin = l1.get(3);
    SingularBatch empty = next(bq, safe).batch();
    assertEquals(safe.timestamp() + 2, empty.timestamp());
    assertEquals(1, empty.epochNumber());
    assertTrue(empty.transactions().isEmpty());
    safe = advance(safe, empty);
    assertInstanceOf(Pull.Eof.class, bq.nextBatch(safe));
    in.origin = l1.get(4);
    empty = next(bq, safe).batch();
    assertEquals(2, empty.epochNumber());
    assertEquals(safe.timestamp() + 2, empty.timestamp());
  }

  @ParameterizedTest(name = "{0} spans={1}")
  @MethodSource("stagesAndTypes")
  void advancesTheEpochWindowAlongWithTheSafeHead(Kind kind, boolean spans) {
    List<L1BlockRef> l1 = l1(0, 6, 12, 18, 24);
    L2BlockRef safe = safeHead(4, l1.get(0));
    List<SingularBatch> expected = new ArrayList<>();
    for (int i = 0; i < 9; i++) {
      expected.add(b(6 + 2L * i, l1.get(1 + i / 3)));
    }
    FakeBatches in = new FakeBatches(l1.get(2));
    feed(in, spans, expected, 2, 2, 2, 3);
    in.eof();
    BatchStageState bq = stage(kind, config(kind, 30), in);
    bq.reset(l1.get(1));
    int originNumber = 2;
    for (SingularBatch want : expected) {
      if (want.epochNumber() == l1.get(originNumber).number()) {
        originNumber++;
        in.origin = l1.get(originNumber);
      }
      NextBatch got = next(bq, safe);
      assertEquals(want, got.batch());
      safe = advance(safe, got.batch());
    }
    assertInstanceOf(Pull.Eof.class, bq.nextBatch(safe));
    assertEquals(l1.get(3).number(), bq.origins().l1Blocks.get(0).number(), "the window starts at the safe head's epoch");
  }

  @ParameterizedTest(name = "spans={0}")
  @MethodSource("spanFlags")
  void queueGeneratesEmptyBatchesForMissingBlocks(boolean spans) {
    List<L1BlockRef> l1 = l1(10, 15, 20, 25);
    L2BlockRef safe = safeHead(10, l1.get(0));
    List<SingularBatch> present = List.of(b(16, l1.get(0)), b(22, l1.get(1)));
    FakeBatches in = new FakeBatches(l1.get(0));
    feed(in, spans, present, 1, 1);
    BatchStageState bq = stage(Kind.QUEUE, config(Kind.QUEUE, 2), in);
    bq.reset(l1.get(0));
    for (int i = 0; i < present.size(); i++) {
      assertInstanceOf(Pull.More.class, bq.nextBatch(safe), "future batches are buffered");
    }
    in.origin = l1.get(1);
    assertInstanceOf(Pull.Eof.class, bq.nextBatch(safe), "the window has not expired yet");
    in.origin = l1.get(2);
    for (long t : new long[] {12, 14}) {
      SingularBatch empty = next(bq, safe).batch();
      assertEquals(t, empty.timestamp());
      assertTrue(empty.transactions().isEmpty());
      assertEquals(0, empty.epochNumber());
      safe = advance(safe, empty);
    }
    SingularBatch sixteen = next(bq, safe).batch();
    assertEquals(present.get(0), sixteen);
    safe = advance(safe, sixteen);
    in.origin = l1.get(3);
    assertInstanceOf(Pull.Eof.class, bq.nextBatch(safe), "one EOF moves the window to the next epoch first");
    SingularBatch eighteen = next(bq, safe).batch();
    assertEquals(18, eighteen.timestamp());
    assertTrue(eighteen.transactions().isEmpty());
    assertEquals(1, eighteen.epochNumber());
  }

  static Stream<Arguments> spanFlags() {
    return Stream.of(Arguments.of(false), Arguments.of(true));
  }

  @ParameterizedTest(name = "spans={0}")
  @MethodSource("spanFlags")
  void queueReordersShuffledBatches(boolean spans) {
    List<L1BlockRef> l1 = l1(0, 6, 12, 18, 24);
    L2BlockRef safe = safeHead(4, l1.get(0));
    List<SingularBatch> expected = new ArrayList<>();
    for (int i = 0; i < 9; i++) {
      expected.add(b(6 + 2L * i, l1.get(1 + i / 3)));
    }
    FakeBatches in = new FakeBatches(l1.get(2));
    feed(in, spans, expected, 2, 2, 2, 3);
    // A fixed permutation instead of a random shuffle: later batches first.
    List<ChannelBatch> shuffled = new ArrayList<>(in.batches);
    java.util.Collections.reverse(shuffled);
    in.batches.clear();
    in.batches.addAll(shuffled);
    in.eof();
    BatchStageState bq = stage(Kind.QUEUE, config(Kind.QUEUE, 30), in);
    bq.reset(l1.get(1));
    int originNumber = 2;
    for (SingularBatch want : expected) {
      if (want.epochNumber() == l1.get(originNumber).number()) {
        originNumber++;
        in.origin = l1.get(originNumber);
      }
      NextBatch got = next(bq, safe);
      assertEquals(want, got.batch());
      safe = advance(safe, got.batch());
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("kinds")
  void overlappingSpanBatchesApplyOnlyTheirNewBlocks(Kind kind) {
    List<L1BlockRef> l1 = l1(10, 20, 30);
    L2BlockRef safe = safeHead(10, l1.get(0));
    List<SingularBatch> expected = new ArrayList<>();
    for (long t = 12; t <= 22; t += 2) {
      expected.add(b(t, l1.get(0)));
    }
    FakeBatches in = new FakeBatches(l1.get(0));
    for (int i = 0; i + 3 <= expected.size(); i++) {
      in.add(BatchChain.span(expected.subList(i, i + 3).toArray(SingularBatch[]::new)));
    }
    in.eof();
    // The safe chain the overlapping spans are checked against: the expected blocks themselves.
    BatchChain.View view = new BatchChain.View();
    view.with(safe);
    L2BlockRef head = safe;
    for (SingularBatch s : expected) {
      head = advance(head, s);
      view.with(head, s.transactions().toArray(Bytes[]::new));
    }
    RollupConfig cfg = config(kind, 30);
    BatchStageState bq = kind == Kind.QUEUE ? new BatchQueue(cfg, in, view, drops) : new BatchStage(cfg, in, view, drops);
    bq.reset(l1.get(0));
    in.origin = l1.get(1);
    for (SingularBatch want : expected) {
      NextBatch got = next(bq, safe);
      assertEquals(want, got.batch());
      safe = advance(safe, got.batch());
    }
    assertInstanceOf(Pull.Eof.class, bq.nextBatch(safe));
  }

  static Stream<Arguments> kinds() {
    return Arrays.stream(Kind.values()).map(Arguments::of);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("kinds")
  void staleSafeHeadDropsTheRestOfTheSpan(Kind kind) {
    List<L1BlockRef> l1 = l1(0, 4, 8);
    L2BlockRef safe = safeHead(0, l1.get(0));
    List<SingularBatch> blocks = List.of(b(2, l1.get(0)), b(4, l1.get(1)), b(6, l1.get(1)), b(8, l1.get(2)));
    FakeBatches in = new FakeBatches(l1.get(2)).add(BatchChain.span(blocks.toArray(SingularBatch[]::new)));
    BatchStageState bq = stage(kind, config(kind, 30), in);
    bq.reset(l1.get(0));
    bq.origins().l1Blocks.clear();
    bq.origins().l1Blocks.addAll(l1);
    bq.origins().origin = l1.get(2);
    SingularBatch first = next(bq, safe).batch();
    assertEquals(blocks.get(0), first);
    assertEquals(3, bq.origins().nextSpan.size());
    safe = advance(safe, first);
    SingularBatch second = next(bq, safe).batch();
    assertEquals(blocks.get(1), second);
    // The second block did not become safe: the same safe head again.
    assertInstanceOf(Pull.Eof.class, drain(bq, safe));
    assertTrue(bq.origins().nextSpan.isEmpty());
    assertEquals(1, drops.count(DropReason.SPAN_REMAINDER_DISCARDED));
  }

  private static Pull<NextBatch> drain(BatchStageState bq, L2BlockRef safe) {
    Pull<NextBatch> p;
    do {
      p = bq.nextBatch(safe);
    } while (p instanceof Pull.More<NextBatch>);
    return p;
  }
}
