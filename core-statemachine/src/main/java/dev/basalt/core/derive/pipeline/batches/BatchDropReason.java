package dev.basalt.core.derive.pipeline.batches;

/** Which validity rule dropped a batch (kona's {@code BatchDropReason}, op-node's log lines). */
public enum BatchDropReason {
  /** Holocene: a batch after the next timestamp (a gap). */
  FUTURE_TIMESTAMP_HOLOCENE,
  /** Before Holocene: a batch before the next timestamp. */
  PAST_TIMESTAMP_PRE_HOLOCENE,
  /** The batch does not build on the safe head (singular) or on its overlapped parent (span). */
  PARENT_HASH_MISMATCH,
  /** Included more than a sequencing window after its epoch. */
  INCLUDED_TOO_LATE,
  /** The epoch is before the safe head's. */
  EPOCH_TOO_OLD,
  /** The epoch skips an L1 block. */
  EPOCH_TOO_FAR_IN_FUTURE,
  /** The epoch (or a span's L1 origin check) is not the canonical L1 block. */
  EPOCH_HASH_MISMATCH,
  /** The L2 timestamp is before its L1 origin's timestamp. */
  TIMESTAMP_BEFORE_L1_ORIGIN,
  /** A non-empty batch past the sequencer drift bound. */
  SEQUENCER_DRIFT_EXCEEDED,
  /** An empty batch past the drift bound that could have adopted the next L1 origin. */
  SEQUENCER_DRIFT_NOT_ADOPTED_NEXT_ORIGIN,
  /** User transactions in a Jovian or Karst activation block. */
  NON_EMPTY_TRANSITION_BLOCK,
  /** An empty transaction. */
  EMPTY_TRANSACTION,
  /** A deposit (type 0x7e) among the batch's transactions. */
  DEPOSIT_TRANSACTION,
  /** A SetCode (type 4) transaction in a block before Isthmus. */
  EIP7702_PRE_ISTHMUS,
  /** A span batch whose L1 origin is before Delta. */
  SPAN_BATCH_PRE_DELTA,
  /** Before Holocene: a span batch with no block after the safe head. */
  SPAN_BATCH_NO_NEW_BLOCKS_PRE_HOLOCENE,
  /** A span batch starting between the safe head and the next timestamp. */
  SPAN_BATCH_MISALIGNED_TIMESTAMP,
  /** A span batch overlapping the safe chain off the block time grid. */
  SPAN_BATCH_NOT_OVERLAPPED_EXACTLY,
  /** A span batch overlapping blocks before L2 genesis (op-node waits forever for them). */
  SPAN_BATCH_BEFORE_GENESIS,
  /** A span block after the safe head with an L1 origin before the safe head's. */
  L1_ORIGIN_BEFORE_SAFE_HEAD,
  /** A span block whose L1 origin is not among the known L1 blocks. */
  MISSING_L1_ORIGIN,
  /** An overlapped span block with a different number of user transactions than the safe block. */
  OVERLAPPED_TX_COUNT_MISMATCH,
  /** An overlapped span block whose transactions differ from the safe block's. */
  OVERLAPPED_TX_MISMATCH,
  /** An overlapped span block with a different L1 origin than the safe block. */
  OVERLAPPED_L1_ORIGIN_MISMATCH
}
