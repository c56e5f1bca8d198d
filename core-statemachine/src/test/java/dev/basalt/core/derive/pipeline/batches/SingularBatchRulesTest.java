package dev.basalt.core.derive.pipeline.batches;

import static dev.basalt.core.derive.pipeline.batches.BatchChain.batch;
import static dev.basalt.core.derive.pipeline.batches.BatchChain.batchFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.basalt.core.config.Fork;
import dev.basalt.core.config.RollupConfig;
import dev.basalt.core.derive.batch.SingularBatch;
import dev.basalt.core.derive.pipeline.Fixtures;
import dev.basalt.core.types.Bytes;
import dev.basalt.core.types.L1BlockRef;
import dev.basalt.core.types.L2BlockRef;
import java.util.List;
import org.junit.jupiter.api.Test;

/** op-node's {@code TestValidBatch} singular cases, plus the Isthmus, Jovian and Karst rules. */
class SingularBatchRulesTest {
  private final BatchChain c = new BatchChain();
  private static final List<Bytes> NO_TXS = List.of();
  private static final List<Bytes> TXS = List.of(Bytes.fromHex("0x02421337"), Bytes.fromHex("0x02deadbeef"));
  private static final RollupConfig BEDROCK = BatchChain.config(Fixtures.forksThrough(null));

  private Verdict check(RollupConfig cfg, List<L1BlockRef> l1, L2BlockRef safe, SingularBatch b, L1BlockRef inclusion) {
    return SingularBatchRules.check(cfg, l1, safe, b, inclusion);
  }

  private Verdict check(List<L1BlockRef> l1, L2BlockRef safe, SingularBatch b, L1BlockRef inclusion) {
    return check(BEDROCK, l1, safe, b, inclusion);
  }

  private static void assertDrop(BatchDropReason reason, Verdict v) {
    assertEquals(new Verdict.Drop(reason), v);
  }

  @Test
  void missingL1InfoIsUndecided() {
    assertInstanceOf(Verdict.Undecided.class, check(List.of(), c.l2A0, batchFor(c.l2A1, NO_TXS), c.l1B));
  }

  @Test
  void futureTimestampIsFutureBeforeHoloceneAndDroppedFrom() {
    SingularBatch b = batch(c.l2A1.parentHash(), c.l1A, c.l2A1.timestamp() + 1, NO_TXS);
    assertEquals(Verdict.FUTURE, check(List.of(c.l1A, c.l1B, c.l1C), c.l2A0, b, c.l1B));
    RollupConfig holocene = BatchChain.config(Fixtures.forksWith(Fork.HOLOCENE, c.l1B.timestamp()));
    assertDrop(BatchDropReason.FUTURE_TIMESTAMP_HOLOCENE, check(holocene, List.of(c.l1A, c.l1B, c.l1C), c.l2A0, b, c.l1B));
  }

  @Test
  void oldTimestampIsDroppedBeforeHoloceneAndPastFrom() {
    SingularBatch b = batch(c.l2A1.parentHash(), c.l1A, c.l2A0.timestamp(), NO_TXS);
    assertDrop(BatchDropReason.PAST_TIMESTAMP_PRE_HOLOCENE, check(List.of(c.l1A, c.l1B, c.l1C), c.l2A0, b, c.l1B));
    RollupConfig holocene = BatchChain.config(Fixtures.forksWith(Fork.HOLOCENE, c.l1B.timestamp()));
    assertEquals(Verdict.PAST, check(holocene, List.of(c.l1A, c.l1B, c.l1C), c.l2A0, b, c.l1B));
  }

  @Test
  void holoceneActivatesByTheInclusionBlockNotTheBatch() {
    SingularBatch b = batch(c.l2A1.parentHash(), c.l1A, c.l2A0.timestamp(), NO_TXS);
    RollupConfig holoceneAtC = BatchChain.config(Fixtures.forksWith(Fork.HOLOCENE, c.l1C.timestamp()));
    assertDrop(BatchDropReason.PAST_TIMESTAMP_PRE_HOLOCENE, check(holoceneAtC, List.of(c.l1A, c.l1B, c.l1C), c.l2A0, b, c.l1B));
    assertEquals(Verdict.PAST, check(holoceneAtC, List.of(c.l1A, c.l1B, c.l1C), c.l2A0, b, c.l1C));
  }

  @Test
  void misalignedTimestampIsDropped() {
    SingularBatch b = batch(c.l2A1.parentHash(), c.l1A, c.l2A1.timestamp() - 1, NO_TXS);
    assertDrop(BatchDropReason.PAST_TIMESTAMP_PRE_HOLOCENE, check(List.of(c.l1A, c.l1B, c.l1C), c.l2A0, b, c.l1B));
  }

  @Test
  void invalidParentHashIsDropped() {
    SingularBatch b = batch(Fixtures.hash(0x77, 1), c.l1A, c.l2A1.timestamp(), NO_TXS);
    assertDrop(BatchDropReason.PARENT_HASH_MISMATCH, check(List.of(c.l1A, c.l1B, c.l1C), c.l2A0, b, c.l1B));
  }

  @Test
  void sequenceWindowExpired() {
    // Included in the fifth block after its epoch, with a window of 4.
    assertDrop(BatchDropReason.INCLUDED_TOO_LATE,
        check(List.of(c.l1A, c.l1B, c.l1C, c.l1D, c.l1E, c.l1F), c.l2A0, batchFor(c.l2A1, NO_TXS), c.l1F));
    assertEquals(Verdict.ACCEPT,
        check(List.of(c.l1A, c.l1B, c.l1C, c.l1D, c.l1E), c.l2A0, batchFor(c.l2A1, NO_TXS), c.l1E));
  }

  @Test
  void epochTooOld() {
    SingularBatch b = batch(c.l2B0.hash(), c.l1A, c.l2B0.timestamp() + 2, NO_TXS);
    assertDrop(BatchDropReason.EPOCH_TOO_OLD, check(List.of(c.l1B, c.l1C, c.l1D), c.l2B0, b, c.l1C));
  }

  @Test
  void insufficientL1InfoForEagerDerivation() {
    assertInstanceOf(Verdict.Undecided.class, check(List.of(c.l1A), c.l2A3, batchFor(c.l2B0, NO_TXS), c.l1C));
  }

  @Test
  void epochTooNew() {
    SingularBatch b = batch(c.l2B0.parentHash(), c.l1C, c.l2B0.timestamp(), NO_TXS);
    assertDrop(BatchDropReason.EPOCH_TOO_FAR_IN_FUTURE, check(List.of(c.l1A, c.l1B, c.l1C, c.l1D), c.l2A3, b, c.l1D));
  }

  @Test
  void epochHashWrong() {
    SingularBatch b = new SingularBatch(c.l2B0.parentHash(), c.l1B.number(), c.l1A.hash(), c.l2B0.timestamp(), NO_TXS);
    assertDrop(BatchDropReason.EPOCH_HASH_MISMATCH, check(List.of(c.l1A, c.l1B), c.l2A3, b, c.l1C));
  }

  @Test
  void driftOnSameEpochWithTransactionsIsDroppedBeforeFjordAndAcceptedFrom() {
    SingularBatch b = batchFor(c.l2A4, List.of(Bytes.fromHex("0x02aa")));
    assertDrop(BatchDropReason.SEQUENCER_DRIFT_EXCEEDED, check(List.of(c.l1A, c.l1B), c.l2A3, b, c.l1B));
    // Fjord at L1 origin A: the drift bound is 1800 seconds.
    RollupConfig fjord = BatchChain.config(Fixtures.forksWith(Fork.FJORD, c.l1A.timestamp()));
    assertEquals(Verdict.ACCEPT, check(fjord, List.of(c.l1A, c.l1B), c.l2A3, b, c.l1B));
  }

  @Test
  void driftOnChangingEpochWithTransactionsIsDropped() {
    assertDrop(BatchDropReason.SEQUENCER_DRIFT_EXCEEDED,
        check(List.of(c.l1X, c.l1Y, c.l1Z), c.l2X0, batchFor(c.l2Y0, List.of(Bytes.fromHex("0x02aa"))), c.l1Z));
  }

  @Test
  void emptyBatchPastTheDriftIsAcceptedWhileTheNextOriginIsTooLate() {
    assertEquals(Verdict.ACCEPT, check(List.of(c.l1A, c.l1BLate), c.l2A3, batchFor(c.l2A4, NO_TXS), c.l1BLate));
  }

  @Test
  void emptyBatchPastTheDriftOnChangingEpochIsAccepted() {
    assertEquals(Verdict.ACCEPT, check(List.of(c.l1X, c.l1Y, c.l1Z), c.l2X0, batchFor(c.l2Y0, NO_TXS), c.l1Z));
  }

  @Test
  void emptyBatchPastTheDriftWithoutTheNextOriginIsUndecided() {
    assertInstanceOf(Verdict.Undecided.class, check(List.of(c.l1A), c.l2A3, batchFor(c.l2A4, NO_TXS), c.l1B));
  }

  @Test
  void emptyBatchPastTheDriftThatCouldHaveAdoptedTheNextOriginIsDropped() {
    assertDrop(BatchDropReason.SEQUENCER_DRIFT_NOT_ADOPTED_NEXT_ORIGIN,
        check(List.of(c.l1A, c.l1B, c.l1C), c.l2A3, batchFor(c.l2A4, NO_TXS), c.l1C));
  }

  @Test
  void emptyAndDepositTransactionsAreInvalid() {
    assertDrop(BatchDropReason.EMPTY_TRANSACTION,
        check(List.of(c.l1A, c.l1B), c.l2A0, batchFor(c.l2A1, List.of(Bytes.EMPTY)), c.l1B));
    assertDrop(BatchDropReason.DEPOSIT_TRANSACTION,
        check(List.of(c.l1A, c.l1B), c.l2A0, batchFor(c.l2A1, List.of(Bytes.fromHex("0x7e00"))), c.l1B));
  }

  @Test
  void validBatchesOnSameAndChangingEpoch() {
    assertEquals(Verdict.ACCEPT, check(List.of(c.l1A, c.l1B), c.l2A0, batchFor(c.l2A1, TXS), c.l1B));
    assertEquals(Verdict.ACCEPT, check(List.of(c.l1A, c.l1B, c.l1C), c.l2A3, batchFor(c.l2B0, TXS), c.l1C));
  }

  @Test
  void l2TimeBeforeL1TimeIsDropped() {
    SingularBatch b = batch(c.l2A2.hash(), c.l1B, c.l2A2.timestamp() + 2, NO_TXS);
    assertDrop(BatchDropReason.TIMESTAMP_BEFORE_L1_ORIGIN, check(List.of(c.l1A, c.l1B, c.l1C), c.l2A2, b, c.l1B));
  }

  @Test
  void setCodeTransactionsNeedIsthmusAtTheBlockTimestamp() {
    SingularBatch b = batchFor(c.l2A1, List.of(Bytes.fromHex("0x04c0")));
    RollupConfig isthmusAtA1 = BatchChain.config(Fixtures.forkAt(Fork.ISTHMUS, c.l2A1.timestamp()));
    RollupConfig isthmusAfter = BatchChain.config(Fixtures.forkAt(Fork.ISTHMUS, c.l2A1.timestamp() + 1));
    assertEquals(Verdict.ACCEPT, check(isthmusAtA1, List.of(c.l1A, c.l1B), c.l2A0, b, c.l1B));
    assertDrop(BatchDropReason.EIP7702_PRE_ISTHMUS, check(isthmusAfter, List.of(c.l1A, c.l1B), c.l2A0, b, c.l1B));
  }

  @Test
  void jovianAndKarstActivationBlocksMustBeEmpty() {
    for (Fork fork : new Fork[] {Fork.JOVIAN, Fork.KARST}) {
      RollupConfig activatesAtA1 = BatchChain.config(Fixtures.forkAt(fork, c.l2A1.timestamp()));
      assertDrop(BatchDropReason.NON_EMPTY_TRANSITION_BLOCK,
          check(activatesAtA1, List.of(c.l1A, c.l1B), c.l2A0, batchFor(c.l2A1, TXS), c.l1B), fork.name());
      assertEquals(Verdict.ACCEPT, check(activatesAtA1, List.of(c.l1A, c.l1B), c.l2A0, batchFor(c.l2A1, NO_TXS), c.l1B));
      // The block after the activation block may carry transactions again.
      assertEquals(Verdict.ACCEPT, check(activatesAtA1, List.of(c.l1A, c.l1B), c.l2A1, batchFor(c.l2A2, TXS), c.l1B));
    }
  }

  @Test
  void isthmusAndHoloceneActivationBlocksMayCarryTransactions() {
    for (Fork fork : new Fork[] {Fork.ECOTONE, Fork.FJORD, Fork.GRANITE, Fork.HOLOCENE, Fork.ISTHMUS}) {
      RollupConfig activatesAtA1 = BatchChain.config(Fixtures.forkAt(fork, c.l2A1.timestamp()));
      assertEquals(Verdict.ACCEPT, check(activatesAtA1, List.of(c.l1A, c.l1B), c.l2A0, batchFor(c.l2A1, TXS), c.l1B), fork.name());
    }
  }

  @Test
  void hugeU64FieldsAreComparedUnsigned() {
    SingularBatch farFuture = batch(c.l2A1.parentHash(), c.l1A, -2L, NO_TXS);
    assertEquals(Verdict.FUTURE, check(List.of(c.l1A, c.l1B), c.l2A0, farFuture, c.l1B));
    SingularBatch hugeEpoch = new SingularBatch(c.l2A1.parentHash(), -1L, c.l1A.hash(), c.l2A1.timestamp(), NO_TXS);
    // epoch + window wraps below the inclusion number, as in Go.
    assertDrop(BatchDropReason.INCLUDED_TOO_LATE, check(List.of(c.l1A, c.l1B), c.l2A0, hugeEpoch, c.l1B));
  }

  private static void assertDrop(BatchDropReason reason, Verdict v, String message) {
    assertEquals(new Verdict.Drop(reason), v, message);
  }
}
