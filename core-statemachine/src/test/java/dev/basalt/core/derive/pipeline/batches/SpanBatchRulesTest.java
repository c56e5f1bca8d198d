package dev.basalt.core.derive.pipeline.batches;

import static dev.basalt.core.derive.pipeline.batches.BatchChain.batch;
import static dev.basalt.core.derive.pipeline.batches.BatchChain.batchFor;
import static dev.basalt.core.derive.pipeline.batches.BatchChain.span;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.basalt.core.config.Fork;
import dev.basalt.core.config.RollupConfig;
import dev.basalt.core.derive.batch.SingularBatch;
import dev.basalt.core.derive.batch.SpanBatch;
import dev.basalt.core.derive.pipeline.Fixtures;
import dev.basalt.core.types.Bytes;
import dev.basalt.core.types.L1BlockRef;
import dev.basalt.core.types.L2BlockRef;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * op-node's {@code TestValidBatch} span cases against the full pre-Holocene check, plus the
 * Holocene checks (prefix and, since specs PR #928, overlap content).
 */
class SpanBatchRulesTest {
  private final BatchChain c = new BatchChain();
  private static final List<Bytes> NO_TXS = List.of();
  private static final Bytes TX = Bytes.fromHex("0x02f86a0180843b9aca00");
  private static final RollupConfig DELTA = BatchChain.config(Fixtures.forksThrough(Fork.DELTA));
  /** Blocks 100 (A0), 101, 102 and 104 (B0) are known; 99 and 103 (A3) are not. */
  private final BatchChain.View view = new BatchChain.View().with(c.l2A0).with(c.l2A1).with(c.l2A2).with(c.l2B0);

  private Verdict full(RollupConfig cfg, List<L1BlockRef> l1, L2BlockRef safe, SpanBatch s, L1BlockRef inclusion) {
    return SpanBatchRules.checkFull(cfg, l1, safe, s, inclusion, view);
  }

  private Verdict full(List<L1BlockRef> l1, L2BlockRef safe, SpanBatch s, L1BlockRef inclusion) {
    return full(DELTA, l1, safe, s, inclusion);
  }

  private static void assertDrop(BatchDropReason reason, Verdict v) {
    assertEquals(new Verdict.Drop(reason), v);
  }

  @Test
  void missingL1InfoIsUndecided() {
    assertInstanceOf(Verdict.Undecided.class, full(List.of(), c.l2A0, span(batchFor(c.l2A1, NO_TXS)), c.l1B));
  }

  @Test
  void futureTimestamp() {
    SpanBatch s = span(batch(c.l2A1.parentHash(), c.l1A, c.l2A1.timestamp() + 1, NO_TXS));
    assertEquals(Verdict.FUTURE, full(List.of(c.l1A, c.l1B, c.l1C), c.l2A0, s, c.l1B));
    RollupConfig holocene = BatchChain.config(Fixtures.forksWith(Fork.HOLOCENE, c.l1B.timestamp()));
    assertDrop(BatchDropReason.FUTURE_TIMESTAMP_HOLOCENE, full(holocene, List.of(c.l1A, c.l1B, c.l1C), c.l2A0, s, c.l1B));
  }

  @Test
  void misalignedTimestampHasNoNewBlocks() {
    SpanBatch s = span(batch(c.l2A1.parentHash(), c.l1A, c.l2A1.timestamp() - 1, NO_TXS));
    assertDrop(BatchDropReason.SPAN_BATCH_NO_NEW_BLOCKS_PRE_HOLOCENE, full(List.of(c.l1A, c.l1B, c.l1C), c.l2A0, s, c.l1B));
  }

  @Test
  void invalidParentHash() {
    SpanBatch s = span(batch(Fixtures.hash(0x55, 5), c.l1A, c.l2A1.timestamp(), NO_TXS));
    assertDrop(BatchDropReason.PARENT_HASH_MISMATCH, full(List.of(c.l1A, c.l1B, c.l1C), c.l2A0, s, c.l1B));
  }

  @Test
  void sequenceWindowExpired() {
    assertDrop(BatchDropReason.INCLUDED_TOO_LATE,
        full(List.of(c.l1A, c.l1B, c.l1C, c.l1D, c.l1E, c.l1F), c.l2A0, span(batchFor(c.l2A1, NO_TXS)), c.l1F));
  }

  @Test
  void epochTooOld() {
    SpanBatch s = span(
        batch(c.l2B0.hash(), c.l1A, c.l2B0.timestamp() + 2, NO_TXS),
        batch(c.l2B0.hash(), c.l1B, c.l2B0.timestamp() + 4, NO_TXS));
    assertDrop(BatchDropReason.EPOCH_TOO_OLD, full(List.of(c.l1B, c.l1C, c.l1D), c.l2B0, s, c.l1C));
  }

  @Test
  void insufficientL1InfoForEagerDerivation() {
    assertInstanceOf(Verdict.Undecided.class, full(List.of(c.l1A), c.l2A3, span(batchFor(c.l2B0, NO_TXS)), c.l1C));
    SpanBatch longSpan = span(batchFor(c.l2A3, NO_TXS), batchFor(c.l2B0, NO_TXS));
    assertInstanceOf(Verdict.Undecided.class, full(List.of(c.l1A), c.l2A2, longSpan, c.l1C), "the last origin B is unknown");
  }

  @Test
  void spanEndingBeforeTheSafeHeadsEpochIsDroppedInsteadOfUndecidedForever() {
    // An old span re-included after an L1 reorg: every block after the safe head B0 is in epoch A.
    // The L1 window starts at the safe head's epoch B and never reaches back to A, so op-node and
    // kona call it undecided for ever; the block rules would drop it, so it is dropped now.
    SpanBatch stale = span(
        batch(c.l2B0.hash(), c.l1A, c.l2B0.timestamp() + 2, NO_TXS),
        batch(c.l2B0.hash(), c.l1A, c.l2B0.timestamp() + 4, NO_TXS));
    assertDrop(BatchDropReason.L1_ORIGIN_BEFORE_SAFE_HEAD, full(List.of(c.l1B, c.l1C, c.l1D), c.l2B0, stale, c.l1C));
    // Ending in the safe head's own epoch B after empty batches moved the window on to C: B can
    // never be found again, and the block rules would drop the first new block for it.
    SpanBatch behindWindow = span(
        batch(c.l2B0.hash(), c.l1B, c.l2B0.timestamp() + 2, NO_TXS),
        batch(c.l2B0.hash(), c.l1B, c.l2B0.timestamp() + 4, NO_TXS));
    assertDrop(BatchDropReason.MISSING_L1_ORIGIN, full(List.of(c.l1C, c.l1D), c.l2B0, behindWindow, c.l1D));
    // A span whose last origin C is still ahead of the window [B] is only waiting.
    SpanBatch ahead = span(
        batch(c.l2B0.hash(), c.l1B, c.l2B0.timestamp() + 2, NO_TXS),
        batch(c.l2B0.hash(), c.l1C, c.l2B0.timestamp() + 4, NO_TXS));
    assertEquals(new Verdict.Undecided("the span's last L1 origin is not known yet"),
        full(List.of(c.l1B), c.l2B0, ahead, c.l1D));
  }

  @Test
  void epochTooNew() {
    SpanBatch s = span(batch(c.l2B0.parentHash(), c.l1C, c.l2B0.timestamp(), NO_TXS));
    assertDrop(BatchDropReason.EPOCH_TOO_FAR_IN_FUTURE, full(List.of(c.l1A, c.l1B, c.l1C, c.l1D), c.l2A3, s, c.l1D));
  }

  @Test
  void epochHashWrong() {
    SpanBatch s = span(new SingularBatch(c.l2B0.parentHash(), c.l1B.number(), c.l1A.hash(), c.l2B0.timestamp(), NO_TXS));
    assertDrop(BatchDropReason.EPOCH_HASH_MISMATCH, full(List.of(c.l1A, c.l1B), c.l2A3, s, c.l1C));
    SpanBatch longSpan = span(
        new SingularBatch(c.l2A3.parentHash(), c.l1A.number(), c.l1A.hash(), c.l2A3.timestamp(), NO_TXS),
        new SingularBatch(c.l2B0.parentHash(), c.l1B.number(), c.l1A.hash(), c.l2B0.timestamp(), NO_TXS));
    assertDrop(BatchDropReason.EPOCH_HASH_MISMATCH, full(List.of(c.l1A, c.l1B), c.l2A2, longSpan, c.l1C));
  }

  @Test
  void driftOnSameEpochWithTransactions() {
    assertDrop(BatchDropReason.SEQUENCER_DRIFT_EXCEEDED,
        full(List.of(c.l1A, c.l1B), c.l2A3, span(batchFor(c.l2A4, List.of(TX))), c.l1B));
    RollupConfig fjord = BatchChain.config(Fixtures.forksWith(Fork.FJORD, c.l1A.timestamp()));
    assertEquals(Verdict.ACCEPT, full(fjord, List.of(c.l1A, c.l1B), c.l2A3, span(batchFor(c.l2A4, List.of(TX))), c.l1B));
    SpanBatch longSpan = span(batchFor(c.l2A3, List.of(TX)), batchFor(c.l2A4, List.of(TX)));
    assertDrop(BatchDropReason.SEQUENCER_DRIFT_EXCEEDED, full(List.of(c.l1A, c.l1B), c.l2A2, longSpan, c.l1B));
  }

  @Test
  void driftOnChangingEpochWithTransactions() {
    assertDrop(BatchDropReason.SEQUENCER_DRIFT_EXCEEDED,
        full(List.of(c.l1X, c.l1Y, c.l1Z), c.l2X0, span(batchFor(c.l2Y0, List.of(TX))), c.l1Z));
  }

  @Test
  void emptyBlocksPastTheDrift() {
    assertEquals(Verdict.ACCEPT, full(List.of(c.l1A, c.l1BLate), c.l2A3, span(batchFor(c.l2A4, NO_TXS)), c.l1BLate));
    assertEquals(Verdict.ACCEPT,
        full(List.of(c.l1X, c.l1Y, c.l1Z), c.l2X0, span(batchFor(c.l2Y0, NO_TXS), batchFor(c.l2Z0, NO_TXS)), c.l1Z));
    assertInstanceOf(Verdict.Undecided.class, full(List.of(c.l1A), c.l2A3, span(batchFor(c.l2A4, NO_TXS)), c.l1B));
    assertInstanceOf(Verdict.Undecided.class,
        full(List.of(c.l1A), c.l2A2, span(batchFor(c.l2A3, NO_TXS), batchFor(c.l2A4, NO_TXS)), c.l1B));
    assertDrop(BatchDropReason.SEQUENCER_DRIFT_NOT_ADOPTED_NEXT_ORIGIN,
        full(List.of(c.l1A, c.l1B, c.l1C), c.l2A3, span(batchFor(c.l2A4, NO_TXS)), c.l1C));
    assertDrop(BatchDropReason.SEQUENCER_DRIFT_NOT_ADOPTED_NEXT_ORIGIN,
        full(List.of(c.l1A, c.l1B, c.l1C), c.l2A2, span(batchFor(c.l2A3, NO_TXS), batchFor(c.l2A4, NO_TXS)), c.l1C));
  }

  @Test
  void transactionRules() {
    assertDrop(BatchDropReason.EMPTY_TRANSACTION, full(List.of(c.l1A, c.l1B), c.l2A0, span(batchFor(c.l2A1, List.of(Bytes.EMPTY))), c.l1B));
    assertDrop(BatchDropReason.DEPOSIT_TRANSACTION,
        full(List.of(c.l1A, c.l1B), c.l2A0, span(batchFor(c.l2A1, List.of(Bytes.fromHex("0x7e00")))), c.l1B));
    SpanBatch setCode = span(batchFor(c.l2A1, List.of(Bytes.fromHex("0x04c0"))));
    assertDrop(BatchDropReason.EIP7702_PRE_ISTHMUS, full(List.of(c.l1A, c.l1B), c.l2A0, setCode, c.l1B));
    RollupConfig isthmus = BatchChain.config(Fixtures.forkAt(Fork.ISTHMUS, c.l2A1.timestamp()));
    assertEquals(Verdict.ACCEPT, full(isthmus, List.of(c.l1A, c.l1B), c.l2A0, setCode, c.l1B));
  }

  @Test
  void validBatches() {
    assertEquals(Verdict.ACCEPT, full(List.of(c.l1A, c.l1B), c.l2A0, span(batchFor(c.l2A1, List.of(TX))), c.l1B));
    assertEquals(Verdict.ACCEPT, full(List.of(c.l1A, c.l1B, c.l1C), c.l2A3, span(batchFor(c.l2B0, List.of(TX))), c.l1C));
  }

  @Test
  void l2TimeBeforeL1Time() {
    SpanBatch s = span(batch(c.l2A2.hash(), c.l1B, c.l2A2.timestamp() + 2, NO_TXS));
    assertDrop(BatchDropReason.TIMESTAMP_BEFORE_L1_ORIGIN, full(List.of(c.l1A, c.l1B, c.l1C), c.l2A2, s, c.l1B));
    SpanBatch longSpan = span(batch(c.l2A1.hash(), c.l1A, c.l2A2.timestamp(), NO_TXS), batch(c.l2A2.hash(), c.l1B, c.l2A2.timestamp() + 2, NO_TXS));
    assertDrop(BatchDropReason.TIMESTAMP_BEFORE_L1_ORIGIN, full(List.of(c.l1A, c.l1B, c.l1C), c.l2A1, longSpan, c.l1B));
  }

  @Test
  void overlappingBatches() {
    SpanBatch valid = span(batch(c.l2A1.hash(), c.l1A, c.l2A2.timestamp(), NO_TXS), batch(c.l2A2.hash(), c.l1A, c.l2A3.timestamp(), NO_TXS));
    assertEquals(Verdict.ACCEPT, full(List.of(c.l1A, c.l1B), c.l2A2, valid, c.l1B));
    SpanBatch longer = span(batch(c.l2A0.hash(), c.l1A, c.l2A1.timestamp(), NO_TXS), batch(c.l2A1.hash(), c.l1A, c.l2A2.timestamp(), NO_TXS),
        batch(c.l2A2.hash(), c.l1A, c.l2A3.timestamp(), NO_TXS));
    assertEquals(Verdict.ACCEPT, full(List.of(c.l1A, c.l1B), c.l2A2, longer, c.l1B));
  }

  @Test
  void fullyOverlappingBatchIsDroppedBeforeHoloceneAndPastFrom() {
    SpanBatch s = span(batch(c.l2A0.hash(), c.l1A, c.l2A1.timestamp(), NO_TXS), batch(c.l2A1.hash(), c.l1A, c.l2A2.timestamp(), NO_TXS));
    assertDrop(BatchDropReason.SPAN_BATCH_NO_NEW_BLOCKS_PRE_HOLOCENE, full(List.of(c.l1A, c.l1B), c.l2A2, s, c.l1B));
    RollupConfig holocene = BatchChain.config(Fixtures.forksWith(Fork.HOLOCENE, c.l1B.timestamp()));
    assertEquals(Verdict.PAST, full(holocene, List.of(c.l1A, c.l1B), c.l2A2, s, c.l1B));
  }

  @Test
  void overlappingBatchWithInvalidParentOriginOrTransactions() {
    SpanBatch badParent = span(batch(c.l2A0.hash(), c.l1A, c.l2A2.timestamp(), NO_TXS), batch(c.l2A2.hash(), c.l1A, c.l2A3.timestamp(), NO_TXS));
    assertDrop(BatchDropReason.PARENT_HASH_MISMATCH, full(List.of(c.l1A, c.l1B), c.l2A2, badParent, c.l1B));
    SpanBatch badOrigin = span(
        new SingularBatch(c.l2A1.hash(), c.l1A.number() + 1, c.l1A.hash(), c.l2A2.timestamp(), NO_TXS),
        batch(c.l2A2.hash(), c.l1A, c.l2A3.timestamp(), NO_TXS));
    assertDrop(BatchDropReason.OVERLAPPED_L1_ORIGIN_MISMATCH, full(List.of(c.l1A, c.l1B), c.l2A2, badOrigin, c.l1B));
    SpanBatch extraTx = span(batch(c.l2A1.hash(), c.l1A, c.l2A2.timestamp(), List.of(TX)), batch(c.l2A2.hash(), c.l1A, c.l2A3.timestamp(), NO_TXS));
    assertDrop(BatchDropReason.OVERLAPPED_TX_COUNT_MISMATCH, full(List.of(c.l1A, c.l1B), c.l2A2, extraTx, c.l1B));
  }

  @Test
  void overlapWithDifferentTransactionIsDropped() {
    BatchChain.View withTx = new BatchChain.View().with(c.l2B0).with(c.l2B1, TX);
    SpanBatch s = span(batch(c.l2B0.hash(), c.l1B, c.l2B1.timestamp(), List.of(Bytes.fromHex("0x02aaaa"))), batch(c.l2B1.hash(), c.l1B, c.l2B2.timestamp(), NO_TXS));
    assertEquals(new Verdict.Drop(BatchDropReason.OVERLAPPED_TX_MISMATCH),
        SpanBatchRules.checkFull(DELTA, List.of(c.l1B), c.l2B1, s, c.l1B, withTx));
    SpanBatch same = span(batch(c.l2B0.hash(), c.l1B, c.l2B1.timestamp(), List.of(TX)), batch(c.l2B1.hash(), c.l1B, c.l2B2.timestamp(), NO_TXS));
    assertEquals(Verdict.ACCEPT, SpanBatchRules.checkFull(DELTA, List.of(c.l1B), c.l2B1, same, c.l1B, withTx));
  }

  @Test
  void missingL2BlocksAreAskedFor() {
    // op-node: "failed to fetch L2 block" (the parent, 99) and "failed to fetch L2 block payload" (A3).
    SpanBatch fromA0 = span(batch(c.l2A0.parentHash(), c.l1A, c.l2A0.timestamp(), NO_TXS), batch(c.l2A0.hash(), c.l1A, c.l2A1.timestamp(), NO_TXS),
        batch(c.l2A1.hash(), c.l1A, c.l2A2.timestamp(), NO_TXS));
    assertEquals(new Verdict.NeedL2(99), full(List.of(c.l1A, c.l1B), c.l2A1, fromA0, c.l1B));
    SpanBatch overA3 = span(batch(c.l2A2.hash(), c.l1A, c.l2A3.timestamp(), NO_TXS), batch(c.l2A3.hash(), c.l1B, c.l2B0.timestamp(), NO_TXS));
    assertEquals(new Verdict.NeedL2(c.l2A3.number()), full(List.of(c.l1A, c.l1B), c.l2A3, overA3, c.l1B));
  }

  @Test
  void shortBlockTimeAndMisalignedOverlap() {
    SpanBatch shortTime = span(batch(c.l2A0.hash(), c.l1A, c.l2A0.timestamp() + 1, NO_TXS), batch(c.l2A1.hash(), c.l1A, c.l2A1.timestamp() + 1, NO_TXS));
    assertDrop(BatchDropReason.SPAN_BATCH_MISALIGNED_TIMESTAMP, full(List.of(c.l1A, c.l1B), c.l2A0, shortTime, c.l1B));
    SpanBatch misaligned = span(batch(c.l2A0.hash(), c.l1A, c.l2A0.timestamp() - 1, NO_TXS), batch(c.l2A1.hash(), c.l1A, c.l2A1.timestamp(), NO_TXS));
    assertDrop(BatchDropReason.SPAN_BATCH_NOT_OVERLAPPED_EXACTLY, full(List.of(c.l1A, c.l1B), c.l2A0, misaligned, c.l1B));
  }

  @Test
  void deltaActivatesByTheSpanBatchsL1Origin() {
    RollupConfig deltaAtB = BatchChain.config(Fixtures.forksWith(Fork.DELTA, c.l1B.timestamp()));
    assertDrop(BatchDropReason.SPAN_BATCH_PRE_DELTA, full(deltaAtB, List.of(c.l1A, c.l1B), c.l2A0, span(batchFor(c.l2A1, List.of(TX))), c.l1B));
    assertEquals(Verdict.ACCEPT,
        SingularBatchRules.check(deltaAtB, List.of(c.l1A, c.l1B), c.l2A0, batchFor(c.l2A1, List.of(TX)), c.l1B));
    RollupConfig deltaAtA = BatchChain.config(Fixtures.forksWith(Fork.DELTA, c.l1A.timestamp()));
    assertEquals(Verdict.ACCEPT, full(deltaAtA, List.of(c.l1A, c.l1B), c.l2A0, span(batchFor(c.l2A1, List.of(TX))), c.l1B));
  }

  @Test
  void holoceneChecksThePrefixAndTheOverlapOnly() {
    RollupConfig holocene = BatchChain.config(Fixtures.forksThrough(Fork.HOLOCENE));
    // A later block breaking a rule is not seen up front: it is checked when it streams out.
    SpanBatch laterDeposit = span(batchFor(c.l2A1, NO_TXS), batchFor(c.l2A2, List.of(Bytes.fromHex("0x7e00"))));
    assertEquals(Verdict.ACCEPT, SpanBatchRules.checkHolocene(holocene, List.of(c.l1A, c.l1B), c.l2A0, laterDeposit, c.l1B, view));
    assertDrop(BatchDropReason.DEPOSIT_TRANSACTION, full(holocene, List.of(c.l1A, c.l1B), c.l2A0, laterDeposit, c.l1B));
  }

  @Test
  void holoceneOverlapMustMatchTheSafeChain() {
    RollupConfig holocene = BatchChain.config(Fixtures.forksThrough(Fork.HOLOCENE));
    BatchChain.View withTx = new BatchChain.View().with(c.l2B0).with(c.l2B1, TX);
    SpanBatch conflicting = span(batch(c.l2B0.hash(), c.l1B, c.l2B1.timestamp(), NO_TXS), batch(c.l2B1.hash(), c.l1B, c.l2B2.timestamp(), List.of(TX)));
    assertEquals(new Verdict.Drop(BatchDropReason.OVERLAPPED_TX_COUNT_MISMATCH),
        SpanBatchRules.checkHolocene(holocene, List.of(c.l1B, c.l1C), c.l2B1, conflicting, c.l1C, withTx));
    SpanBatch matching = span(batch(c.l2B0.hash(), c.l1B, c.l2B1.timestamp(), List.of(TX)), batch(c.l2B1.hash(), c.l1B, c.l2B2.timestamp(), List.of(TX)));
    assertEquals(Verdict.ACCEPT, SpanBatchRules.checkHolocene(holocene, List.of(c.l1B, c.l1C), c.l2B1, matching, c.l1C, withTx));
    assertEquals(new Verdict.NeedL2(c.l2B1.number()),
        SpanBatchRules.checkHolocene(holocene, List.of(c.l1B, c.l1C), c.l2B1, matching, c.l1C, new BatchChain.View().with(c.l2B0)));
  }

  @Test
  void overlapBeforeGenesisIsDroppedInsteadOfWaitingForever() {
    RollupConfig cfg = Fixtures.config(c.l2A0.timestamp(), 2, 4, 6, 300, Fixtures.forksThrough(Fork.DELTA));
    RollupConfig genesisAt100 = new RollupConfig(cfg.l1ChainId(), cfg.l2ChainId(),
        new dev.basalt.core.config.ChainGenesis(c.l1A.id(), c.l2A0.id(), c.l2A0.timestamp(), cfg.genesis().systemConfig()),
        cfg.blockTimeSeconds(), cfg.maxSequencerDriftSeconds(), cfg.seqWindowSize(), cfg.channelTimeoutBedrock(),
        cfg.batchInboxAddress(), cfg.depositContractAddress(), cfg.l1SystemConfigAddress(), cfg.forks(), -1, cfg.eip1559(), false);
    SpanBatch s = span(batch(c.l2A0.parentHash(), c.l1A, c.l2A0.timestamp(), NO_TXS), batch(c.l2A0.hash(), c.l1A, c.l2A1.timestamp(), NO_TXS));
    assertDrop(BatchDropReason.SPAN_BATCH_BEFORE_GENESIS, full(genesisAt100, List.of(c.l1A, c.l1B), c.l2A0, s, c.l1B));
  }
}
