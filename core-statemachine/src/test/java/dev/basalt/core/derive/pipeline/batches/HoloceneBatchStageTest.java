package dev.basalt.core.derive.pipeline.batches;

import static dev.basalt.core.derive.pipeline.batches.BatchStagesTest.advance;
import static dev.basalt.core.derive.pipeline.batches.BatchStagesTest.b;
import static dev.basalt.core.derive.pipeline.batches.BatchStagesTest.l1;
import static dev.basalt.core.derive.pipeline.batches.BatchStagesTest.safeHead;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.basalt.core.config.Fork;
import dev.basalt.core.config.RollupConfig;
import dev.basalt.core.derive.batch.SingularBatch;
import dev.basalt.core.derive.pipeline.DropReason;
import dev.basalt.core.derive.pipeline.Fixtures;
import dev.basalt.core.derive.pipeline.Pull;
import dev.basalt.core.derive.pipeline.RecordingDrops;
import dev.basalt.core.derive.pipeline.StepResult;
import dev.basalt.core.types.Bytes;
import dev.basalt.core.types.L1BlockRef;
import dev.basalt.core.types.L2BlockRef;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Holocene batch stage: strict ordering, fast channel invalidation, partial span validity. */
class HoloceneBatchStageTest {
  private final RecordingDrops drops = new RecordingDrops();
  private final RollupConfig cfg = Fixtures.config(10, 2, 30, 600, 300, Fixtures.forksThrough(Fork.HOLOCENE));
  private final List<L1BlockRef> l1 = l1(10, 20, 30);
  private L2BlockRef safe = safeHead(10, l1.get(0));

  private BatchStage stage(FakeBatches in, BatchChain.View view) {
    BatchStage bs = new BatchStage(cfg, in, view, drops);
    bs.reset(l1.get(0));
    in.origin = l1.get(1);
    return bs;
  }

  private Pull<NextBatch> pull(BatchStage bs) {
    Pull<NextBatch> p;
    int guard = 0;
    do {
      p = bs.nextBatch(safe);
    } while (p instanceof Pull.More<NextBatch> && ++guard < 100);
    return p;
  }

  private SingularBatch accept(BatchStage bs) {
    SingularBatch got = ((Pull.Value<NextBatch>) pull(bs)).value().batch();
    safe = advance(safe, got);
    return got;
  }

  @Test
  void aFutureBatchIsDroppedAndItsChannelFlushed() {
    FakeBatches in = new FakeBatches(l1.get(0)).add(b(14, l1.get(0))).add(b(12, l1.get(0)));
    BatchStage bs = stage(in, new BatchChain.View());
    assertInstanceOf(Pull.Eof.class, pull(bs), "the gap drops 14 and flushes its channel, 12 with it");
    assertEquals(1, in.flushes);
    assertTrue(drops.any(DropReason.BATCH_INVALID, "FUTURE_TIMESTAMP_HOLOCENE"));
  }

  @Test
  void aPastBatchIsSkippedWithoutFlushing() {
    FakeBatches in = new FakeBatches(l1.get(0)).add(b(10, l1.get(0))).add(b(12, l1.get(0)));
    BatchStage bs = stage(in, new BatchChain.View());
    assertEquals(b(12, l1.get(0)), accept(bs));
    assertEquals(0, in.flushes);
    assertEquals(1, drops.count(DropReason.BATCH_PAST));
  }

  @Test
  void anInvalidBlockInASpanKeepsTheBlocksBeforeItAndDropsTheRest() {
    SingularBatch bad = new SingularBatch(BatchStagesTest.mockHash(14, 2), 0, l1.get(0).hash(), 16, List.of(Bytes.fromHex("0x7e01")));
    FakeBatches in = new FakeBatches(l1.get(0))
        .add(BatchChain.span(b(12, l1.get(0)), b(14, l1.get(0)), bad, b(18, l1.get(0))))
        .add(b(16, l1.get(0)));
    BatchStage bs = stage(in, new BatchChain.View());
    assertEquals(b(12, l1.get(0)), accept(bs));
    assertEquals(b(14, l1.get(0)), accept(bs));
    assertInstanceOf(Pull.Eof.class, pull(bs), "the deposit drops the rest of the span and the channel");
    assertEquals(1, in.flushes);
    assertTrue(bs.origins().nextSpan.isEmpty());
    assertTrue(drops.any(DropReason.BATCH_INVALID, "DEPOSIT_TRANSACTION"));
  }

  @Test
  void aSpanWithABadPrefixFlushesTheChannel() {
    SingularBatch wrongParent = new SingularBatch(Fixtures.hash(0x66, 1), 0, l1.get(0).hash(), 12, List.of());
    FakeBatches in = new FakeBatches(l1.get(0)).add(BatchChain.span(wrongParent, b(14, l1.get(0))));
    BatchStage bs = stage(in, new BatchChain.View());
    assertInstanceOf(Pull.Eof.class, pull(bs));
    assertEquals(1, in.flushes);
    assertTrue(drops.any(DropReason.BATCH_INVALID, "PARENT_HASH_MISMATCH"));
  }

  @Test
  void aFullyPastSpanIsSkippedAndTheChannelContinues() {
    L2BlockRef a12 = advance(safe, b(12, l1.get(0)));
    L2BlockRef a14 = advance(a12, b(14, l1.get(0)));
    safe = a14;
    FakeBatches in = new FakeBatches(l1.get(0))
        .add(BatchChain.span(b(12, l1.get(0)), b(14, l1.get(0))))
        .add(b(16, l1.get(0)));
    BatchStage bs = stage(in, new BatchChain.View());
    assertEquals(b(16, l1.get(0)), accept(bs));
    assertEquals(0, in.flushes);
    assertEquals(1, drops.count(DropReason.BATCH_PAST));
  }

  @Test
  void anOverlappingSpanWaitsForTheSafeBlocksItOverlaps() {
    SingularBatch s12 = b(12, l1.get(0));
    SingularBatch s14 = b(14, l1.get(0));
    L2BlockRef base = safe;
    L2BlockRef a12 = advance(base, s12);
    safe = a12;
    FakeBatches in = new FakeBatches(l1.get(0)).add(BatchChain.span(s12, s14));
    BatchChain.View view = new BatchChain.View();
    BatchStage bs = stage(in, view);
    assertEquals(new Pull.Halt<NextBatch>(new StepResult.NeedL2Block(base.number())), pull(bs));
    view.with(base);
    assertEquals(new Pull.Halt<NextBatch>(new StepResult.NeedL2Block(a12.number())), pull(bs));
    view.with(a12, s12.transactions().toArray(Bytes[]::new));
    assertEquals(s14, accept(bs), "the overlap matched; only the new block streams out");
  }

  @Test
  void anOverlapThatDisagreesWithTheSafeChainIsDropped() {
    SingularBatch s12 = b(12, l1.get(0));
    L2BlockRef base = safe;
    L2BlockRef a12 = advance(base, s12);
    safe = a12;
    FakeBatches in = new FakeBatches(l1.get(0)).add(BatchChain.span(s12, b(14, l1.get(0))));
    // The safe block 12 was replaced by a deposits-only block: no user transactions.
    BatchStage bs = stage(in, new BatchChain.View().with(base).with(a12));
    assertInstanceOf(Pull.Eof.class, pull(bs));
    assertEquals(1, in.flushes);
    assertTrue(drops.any(DropReason.BATCH_INVALID, "OVERLAPPED_TX_COUNT_MISMATCH"));
  }

  @Test
  void theMuxKeepsTheL1WindowAcrossTheHoloceneActivation() {
    RollupConfig preHolocene = Fixtures.config(10, 2, 30, 600, 300, Fixtures.forksWith(Fork.HOLOCENE, 25));
    FakeBatches in = new FakeBatches(l1.get(0)).add(b(14, l1.get(0)));
    BatchMux mux = new BatchMux(preHolocene, in, new BatchChain.View(), drops);
    mux.reset(l1.get(0));
    in.origin = l1.get(1);
    assertInstanceOf(Pull.More.class, mux.nextBatch(safe), "pre-Holocene: 14 is a future batch, kept");
    mux.transformToHolocene();
    assertTrue(mux.holoceneActive());
    assertEquals(l1.get(0), mux.firstL1Block(), "the window still starts at the safe head's epoch");
    in.origin = l1.get(2);
    in.batches.add(new ChannelBatch.Singular(b(12, l1.get(0))));
    Pull<NextBatch> p;
    do {
      p = mux.nextBatch(safe);
    } while (p instanceof Pull.More<NextBatch>);
    assertEquals(b(12, l1.get(0)), ((Pull.Value<NextBatch>) p).value().batch(), "the buffered future batch is gone, the window is not");
  }
}
