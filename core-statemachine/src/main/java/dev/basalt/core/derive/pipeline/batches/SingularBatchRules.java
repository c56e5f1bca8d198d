package dev.basalt.core.derive.pipeline.batches;

import dev.basalt.core.config.Fork;
import dev.basalt.core.config.RollupConfig;
import dev.basalt.core.derive.batch.SingularBatch;
import dev.basalt.core.tx.TxType;
import dev.basalt.core.types.Bytes;
import dev.basalt.core.types.L1BlockRef;
import dev.basalt.core.types.L2BlockRef;
import java.util.List;

/**
 * The validity rules of a singular batch (op-node {@code checkSingularBatch}, kona {@code
 * SingleBatch::check_batch}). Fork rules: Holocene (by the L1 inclusion block's time) turns
 * future batches into drops and old ones into {@link Verdict.Past}; Fjord fixes the drift bound
 * (by the L1 origin's time); Jovian and Karst activation blocks must carry no user transactions
 * and SetCode transactions need Isthmus (both by the batch's own timestamp).
 */
public final class SingularBatchRules {
  private static final int DEPOSIT_TYPE = 0x7e;
  private static final int SET_CODE_TYPE = TxType.SET_CODE.typeByte();

  private SingularBatchRules() {}

  /**
   * @param l1Blocks the L1 blocks from the safe head's epoch on (the batch stage's window)
   * @param safeHead the block the batch must build on
   * @param inclusion the L1 block the batch was read from
   */
  public static Verdict check(
      RollupConfig config, List<L1BlockRef> l1Blocks, L2BlockRef safeHead, SingularBatch batch, L1BlockRef inclusion) {
    if (l1Blocks.isEmpty()) {
      return Verdict.undecided("missing L1 block input");
    }
    L1BlockRef epoch = l1Blocks.get(0);
    boolean holocene = config.isActive(Fork.HOLOCENE, inclusion.timestamp());
    long nextTimestamp = safeHead.timestamp() + config.blockTimeSeconds();
    if (U64.gt(batch.timestamp(), nextTimestamp)) {
      return holocene ? Verdict.drop(BatchDropReason.FUTURE_TIMESTAMP_HOLOCENE) : Verdict.FUTURE;
    }
    if (U64.lt(batch.timestamp(), nextTimestamp)) {
      return holocene ? Verdict.PAST : Verdict.drop(BatchDropReason.PAST_TIMESTAMP_PRE_HOLOCENE);
    }
    if (!batch.parentHash().equals(safeHead.hash())) {
      return Verdict.drop(BatchDropReason.PARENT_HASH_MISMATCH);
    }
    // Go's uint64 arithmetic wraps; so does Java's long, compared unsigned.
    if (U64.lt(batch.epochNumber() + config.seqWindowSize(), inclusion.number())) {
      return Verdict.drop(BatchDropReason.INCLUDED_TOO_LATE);
    }
    L1BlockRef batchOrigin = epoch;
    if (U64.lt(batch.epochNumber(), epoch.number())) {
      return Verdict.drop(BatchDropReason.EPOCH_TOO_OLD);
    } else if (batch.epochNumber() == epoch.number() + 1) {
      if (l1Blocks.size() < 2) {
        // An eager decision here could diverge from one made with the next L1 block known.
        return Verdict.undecided("batch advances the epoch, next L1 block not known yet");
      }
      batchOrigin = l1Blocks.get(1);
    } else if (batch.epochNumber() != epoch.number()) {
      return Verdict.drop(BatchDropReason.EPOCH_TOO_FAR_IN_FUTURE);
    }
    if (!batch.epochHash().equals(batchOrigin.hash())) {
      return Verdict.drop(BatchDropReason.EPOCH_HASH_MISMATCH);
    }
    if (U64.lt(batch.timestamp(), batchOrigin.timestamp())) {
      return Verdict.drop(BatchDropReason.TIMESTAMP_BEFORE_L1_ORIGIN);
    }
    Verdict drift = checkDrift(config, l1Blocks, batch, epoch, batchOrigin);
    if (drift != null) {
      return drift;
    }
    if (!batch.transactions().isEmpty() && isEmptyActivationBlock(config, batch.timestamp())) {
      return Verdict.drop(BatchDropReason.NON_EMPTY_TRANSITION_BLOCK);
    }
    BatchDropReason txProblem = checkTransactions(config, batch.transactions(), batch.timestamp());
    return txProblem == null ? Verdict.ACCEPT : Verdict.drop(txProblem);
  }

  /** The sequencer drift rule; null when the batch passes it. */
  private static Verdict checkDrift(
      RollupConfig config, List<L1BlockRef> l1Blocks, SingularBatch batch, L1BlockRef epoch, L1BlockRef batchOrigin) {
    long max = batchOrigin.timestamp() + config.maxSequencerDrift(batchOrigin.timestamp());
    if (!U64.gt(batch.timestamp(), max)) {
      return null;
    }
    if (!batch.transactions().isEmpty()) {
      // The sequencer must adopt a new L1 origin to include transactions again.
      return Verdict.drop(BatchDropReason.SEQUENCER_DRIFT_EXCEEDED);
    }
    // An empty batch past the bound is fine if it keeps L2 time >= L1 time; only batches that
    // keep the epoch are checked, so advancing the epoch is always allowed.
    if (epoch.number() == batchOrigin.number()) {
      if (l1Blocks.size() < 2) {
        return Verdict.undecided("empty batch past the drift bound, next L1 origin not known yet");
      }
      if (U64.ge(batch.timestamp(), l1Blocks.get(1).timestamp())) {
        return Verdict.drop(BatchDropReason.SEQUENCER_DRIFT_NOT_ADOPTED_NEXT_ORIGIN);
      }
    }
    return null;
  }

  /**
   * Activation blocks of forks whose upgrade transactions must run alone: Jovian and Karst (op-node
   * and kona; the Karst spec omits the rule, SPEC-MAP section 7).
   */
  static boolean isEmptyActivationBlock(RollupConfig config, long timestamp) {
    return config.isActivationBlock(Fork.JOVIAN, timestamp) || config.isActivationBlock(Fork.KARST, timestamp);
  }

  /** The per-transaction rules shared by singular and span batches; null when all pass. */
  static BatchDropReason checkTransactions(RollupConfig config, List<Bytes> txs, long blockTimestamp) {
    boolean isthmus = config.isActive(Fork.ISTHMUS, blockTimestamp);
    for (Bytes tx : txs) {
      if (tx.isEmpty()) {
        return BatchDropReason.EMPTY_TRANSACTION;
      }
      int type = tx.get(0) & 0xff;
      if (type == DEPOSIT_TYPE) {
        return BatchDropReason.DEPOSIT_TRANSACTION;
      }
      if (!isthmus && type == SET_CODE_TYPE) {
        return BatchDropReason.EIP7702_PRE_ISTHMUS;
      }
    }
    return null;
  }
}
