package dev.basalt.core.derive.pipeline.batches;

import dev.basalt.core.config.Fork;
import dev.basalt.core.config.RollupConfig;
import dev.basalt.core.derive.L2BlockInfo;
import dev.basalt.core.derive.L2ChainView;
import dev.basalt.core.derive.batch.SpanBatch;
import dev.basalt.core.derive.batch.SpanBatchElement;
import dev.basalt.core.types.Bytes;
import dev.basalt.core.types.L1BlockRef;
import dev.basalt.core.types.L2BlockRef;
import java.util.List;
import java.util.Optional;

/**
 * The validity rules of a span batch (op-node {@code checkSpanBatchPrefix} / {@code
 * checkSpanBatch}, kona {@code SpanBatch::check_batch[_prefix]}). Before Holocene a span batch is
 * checked as a whole: prefix, every block, then the blocks overlapping the safe chain. From
 * Holocene only the prefix and the overlap are checked up front (specs PR #928, retroactive since
 * August 2026); each block is then checked as a singular batch as it streams out.
 */
public final class SpanBatchRules {
  private static final int DEPOSIT_TYPE = 0x7e;

  private SpanBatchRules() {}

  /** A prefix verdict and, when accepted, the L2 block the span builds on. */
  public record Prefix(Verdict verdict, L2BlockRef parent) {}

  /** Holocene: prefix checks, then the overlapped blocks must match the safe chain. */
  public static Verdict checkHolocene(
      RollupConfig config, List<L1BlockRef> l1Blocks, L2BlockRef safeHead, SpanBatch span, L1BlockRef inclusion,
      L2ChainView l2) {
    Prefix prefix = checkPrefix(config, l1Blocks, safeHead, span, inclusion, l2);
    if (!(prefix.verdict() instanceof Verdict.Accept)) {
      return prefix.verdict();
    }
    return checkOverlap(config, safeHead, span, prefix.parent(), l2);
  }

  /** Before Holocene: prefix, every block after the safe head, then the overlap. */
  public static Verdict checkFull(
      RollupConfig config, List<L1BlockRef> l1Blocks, L2BlockRef safeHead, SpanBatch span, L1BlockRef inclusion,
      L2ChainView l2) {
    Prefix prefix = checkPrefix(config, l1Blocks, safeHead, span, inclusion, l2);
    if (!(prefix.verdict() instanceof Verdict.Accept)) {
      return prefix.verdict();
    }
    Verdict blocks = checkBlocks(config, l1Blocks, safeHead, span, prefix.parent());
    if (!(blocks instanceof Verdict.Accept)) {
      return blocks;
    }
    return checkOverlap(config, safeHead, span, prefix.parent(), l2);
  }

  public static Prefix checkPrefix(
      RollupConfig config, List<L1BlockRef> l1Blocks, L2BlockRef safeHead, SpanBatch span, L1BlockRef inclusion,
      L2ChainView l2) {
    if (l1Blocks.isEmpty()) {
      return new Prefix(Verdict.undecided("missing L1 block input"), null);
    }
    L1BlockRef epoch = l1Blocks.get(0);
    long start = span.startEpochNumber();
    L1BlockRef batchOrigin = epoch;
    if (start == epoch.number() + 1) {
      if (l1Blocks.size() < 2) {
        return new Prefix(Verdict.undecided("span batch advances the epoch, next L1 block not known yet"), null);
      }
      batchOrigin = l1Blocks.get(1);
    }
    // Delta activates by the span batch's L1 origin time, not by its inclusion block.
    if (!config.isActive(Fork.DELTA, batchOrigin.timestamp())) {
      return new Prefix(Verdict.drop(BatchDropReason.SPAN_BATCH_PRE_DELTA), null);
    }
    Verdict timing = checkTiming(config, safeHead, span, inclusion);
    if (timing != null) {
      return new Prefix(timing, null);
    }
    Prefix parent = findParent(config, safeHead, span, l2);
    if (parent.verdict() != null) {
      return parent;
    }
    return checkOrigins(config, l1Blocks, safeHead, span, inclusion, parent.parent());
  }

  /** Future, past and misaligned spans; null when the span's timing is acceptable. */
  private static Verdict checkTiming(RollupConfig config, L2BlockRef safeHead, SpanBatch span, L1BlockRef inclusion) {
    boolean holocene = config.isActive(Fork.HOLOCENE, inclusion.timestamp());
    long nextTimestamp = safeHead.timestamp() + config.blockTimeSeconds();
    if (U64.gt(span.timestamp(), nextTimestamp)) {
      // From Holocene gaps are not allowed: a future span is dropped instead of kept.
      return holocene ? Verdict.drop(BatchDropReason.FUTURE_TIMESTAMP_HOLOCENE) : Verdict.FUTURE;
    }
    long last = span.elements().get(span.elements().size() - 1).timestamp();
    if (U64.lt(last, nextTimestamp)) {
      return holocene ? Verdict.PAST : Verdict.drop(BatchDropReason.SPAN_BATCH_NO_NEW_BLOCKS_PRE_HOLOCENE);
    }
    if (U64.lt(span.timestamp(), nextTimestamp)) {
      if (U64.gt(span.timestamp(), safeHead.timestamp())) {
        return Verdict.drop(BatchDropReason.SPAN_BATCH_MISALIGNED_TIMESTAMP);
      }
      if ((safeHead.timestamp() - span.timestamp()) % config.blockTimeSeconds() != 0) {
        return Verdict.drop(BatchDropReason.SPAN_BATCH_NOT_OVERLAPPED_EXACTLY);
      }
    }
    return null;
  }

  /**
   * The block the span builds on: the safe head, or for an overlapping span the safe block before
   * its first block. The returned prefix has a null verdict when the parent was found.
   */
  private static Prefix findParent(RollupConfig config, L2BlockRef safeHead, SpanBatch span, L2ChainView l2) {
    long nextTimestamp = safeHead.timestamp() + config.blockTimeSeconds();
    L2BlockRef parent = safeHead;
    if (U64.lt(span.timestamp(), nextTimestamp)) {
      long overlapped = (safeHead.timestamp() - span.timestamp()) / config.blockTimeSeconds();
      long parentNumber = safeHead.number() - overlapped - 1;
      if (parentNumber < config.genesis().l2().number()) {
        // op-node would wait forever for a block that cannot exist; it is invalid either way.
        return new Prefix(Verdict.drop(BatchDropReason.SPAN_BATCH_BEFORE_GENESIS), null);
      }
      Optional<L2BlockInfo> block = l2.blockByNumber(parentNumber);
      if (block.isEmpty()) {
        return new Prefix(new Verdict.NeedL2(parentNumber), null);
      }
      parent = block.get().ref();
    }
    if (!span.checkParentHash(parent.hash())) {
      return new Prefix(Verdict.drop(BatchDropReason.PARENT_HASH_MISMATCH), null);
    }
    return new Prefix(null, parent);
  }

  private static Prefix checkOrigins(
      RollupConfig config, List<L1BlockRef> l1Blocks, L2BlockRef safeHead, SpanBatch span, L1BlockRef inclusion,
      L2BlockRef parent) {
    long start = span.startEpochNumber();
    if (U64.lt(start + config.seqWindowSize(), inclusion.number())) {
      return new Prefix(Verdict.drop(BatchDropReason.INCLUDED_TOO_LATE), parent);
    }
    if (U64.gt(start, parent.l1Origin().number() + 1)) {
      return new Prefix(Verdict.drop(BatchDropReason.EPOCH_TOO_FAR_IN_FUTURE), parent);
    }
    long end = span.endEpochNumber();
    boolean checked = false;
    for (L1BlockRef b : l1Blocks) {
      if (b.number() == end) {
        if (!span.checkOriginHash(b.hash())) {
          return new Prefix(Verdict.drop(BatchDropReason.EPOCH_HASH_MISMATCH), parent);
        }
        checked = true;
        break;
      }
    }
    if (!checked) {
      if (U64.lt(end, l1Blocks.get(0).number())) {
        // The window's first block only moves forward (until a reset), so op-node and kona call
        // this span undecided for ever and derivation stalls until a restart (seen in the
        // simulator: an old span re-included after an L1 reorg). Its last block is after the
        // safe head (the timing check passed) and span origins never decrease, so the block
        // rules would drop its first new block: its origin is before the safe head's, or it is
        // the safe head's own while the window has already moved on. Decide that now.
        boolean beforeSafe = U64.lt(end, safeHead.l1Origin().number());
        return new Prefix(Verdict.drop(beforeSafe ? BatchDropReason.L1_ORIGIN_BEFORE_SAFE_HEAD : BatchDropReason.MISSING_L1_ORIGIN), parent);
      }
      return new Prefix(Verdict.undecided("the span's last L1 origin is not known yet"), parent);
    }
    if (U64.lt(start, parent.l1Origin().number())) {
      return new Prefix(Verdict.drop(BatchDropReason.EPOCH_TOO_OLD), parent);
    }
    return new Prefix(Verdict.ACCEPT, parent);
  }

  /** Before Holocene: each block after the safe head against its L1 origin and the drift rule. */
  private static Verdict checkBlocks(
      RollupConfig config, List<L1BlockRef> l1Blocks, L2BlockRef safeHead, SpanBatch span, L2BlockRef parent) {
    List<SpanBatchElement> elements = span.elements();
    int originIndex = 0;
    boolean originAdvanced = span.startEpochNumber() == parent.l1Origin().number() + 1;
    for (int i = 0; i < elements.size(); i++) {
      SpanBatchElement e = elements.get(i);
      if (U64.le(e.timestamp(), safeHead.timestamp())) {
        continue;
      }
      if (U64.lt(e.epochNumber(), safeHead.l1Origin().number())) {
        return Verdict.drop(BatchDropReason.L1_ORIGIN_BEFORE_SAFE_HEAD);
      }
      int found = indexOf(l1Blocks, e.epochNumber(), originIndex);
      if (found < 0) {
        return Verdict.drop(BatchDropReason.MISSING_L1_ORIGIN);
      }
      originIndex = found;
      L1BlockRef origin = l1Blocks.get(found);
      if (i > 0) {
        originAdvanced = U64.gt(e.epochNumber(), elements.get(i - 1).epochNumber());
      }
      if (U64.lt(e.timestamp(), origin.timestamp())) {
        return Verdict.drop(BatchDropReason.TIMESTAMP_BEFORE_L1_ORIGIN);
      }
      Verdict drift = checkDrift(config, l1Blocks, e, origin, originIndex, originAdvanced);
      if (drift != null) {
        return drift;
      }
      BatchDropReason txProblem = SingularBatchRules.checkTransactions(config, e.transactions(), e.timestamp());
      if (txProblem != null) {
        return Verdict.drop(txProblem);
      }
    }
    return Verdict.ACCEPT;
  }

  private static Verdict checkDrift(
      RollupConfig config, List<L1BlockRef> l1Blocks, SpanBatchElement e, L1BlockRef origin, int originIndex,
      boolean originAdvanced) {
    long max = origin.timestamp() + config.maxSequencerDrift(origin.timestamp());
    if (!U64.gt(e.timestamp(), max)) {
      return null;
    }
    if (!e.transactions().isEmpty()) {
      return Verdict.drop(BatchDropReason.SEQUENCER_DRIFT_EXCEEDED);
    }
    if (!originAdvanced) {
      if (originIndex + 1 >= l1Blocks.size()) {
        return Verdict.undecided("empty span block past the drift bound, next L1 origin not known yet");
      }
      if (U64.ge(e.timestamp(), l1Blocks.get(originIndex + 1).timestamp())) {
        return Verdict.drop(BatchDropReason.SEQUENCER_DRIFT_NOT_ADOPTED_NEXT_ORIGIN);
      }
    }
    return null;
  }

  /**
   * The span's blocks that overlap the safe chain must be the safe blocks: same user transactions
   * (the safe block's deposits come first and are not in the batch) and same L1 origin.
   */
  public static Verdict checkOverlap(
      RollupConfig config, L2BlockRef safeHead, SpanBatch span, L2BlockRef parent, L2ChainView l2) {
    long nextTimestamp = safeHead.timestamp() + config.blockTimeSeconds();
    if (!U64.lt(span.timestamp(), nextTimestamp)) {
      return Verdict.ACCEPT;
    }
    long overlapped = safeHead.number() - parent.number();
    for (int i = 0; i < overlapped; i++) {
      long number = parent.number() + i + 1;
      Optional<L2BlockInfo> safe = l2.blockByNumber(number);
      if (safe.isEmpty()) {
        return new Verdict.NeedL2(number);
      }
      SpanBatchElement e = span.elements().get(i);
      Verdict v = compare(safe.get(), e);
      if (v != null) {
        return v;
      }
    }
    return Verdict.ACCEPT;
  }

  private static Verdict compare(L2BlockInfo safe, SpanBatchElement e) {
    List<Bytes> safeTxs = safe.transactions();
    int deposits = 0;
    for (Bytes tx : safeTxs) {
      if (!tx.isEmpty() && (tx.get(0) & 0xff) == DEPOSIT_TYPE) {
        deposits++;
      }
    }
    if (safeTxs.size() - deposits != e.transactions().size()) {
      return Verdict.drop(BatchDropReason.OVERLAPPED_TX_COUNT_MISMATCH);
    }
    for (int j = 0; j < e.transactions().size(); j++) {
      if (!safeTxs.get(j + deposits).equals(e.transactions().get(j))) {
        return Verdict.drop(BatchDropReason.OVERLAPPED_TX_MISMATCH);
      }
    }
    if (safe.ref().l1Origin().number() != e.epochNumber()) {
      return Verdict.drop(BatchDropReason.OVERLAPPED_L1_ORIGIN_MISMATCH);
    }
    return null;
  }

  static int indexOf(List<L1BlockRef> l1Blocks, long number, int from) {
    for (int j = from; j < l1Blocks.size(); j++) {
      if (l1Blocks.get(j).number() == number) {
        return j;
      }
    }
    return -1;
  }
}
