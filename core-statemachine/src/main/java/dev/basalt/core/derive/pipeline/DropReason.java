package dev.basalt.core.derive.pipeline;

/**
 * Why a piece of L1 data was ignored. Every drop is an expected protocol outcome (bad or hostile
 * batcher data, a timed-out channel, an invalid batch); a {@link DropListener} may count or log
 * them, derivation itself only skips the data.
 */
public enum DropReason {
  /** An inbox transaction whose envelope does not decode. */
  TX_UNDECODABLE,
  /** An inbox transaction of a type the pipeline never reads (future types, 0x7e). */
  TX_UNKNOWN_TYPE,
  /** An inbox transaction not addressed to the batch inbox (the adapter should not send those). */
  TX_NOT_TO_INBOX,
  /** An inbox transaction whose signature does not recover (or is for another L1 chain). */
  TX_BAD_SIGNATURE,
  /** An inbox transaction from someone other than the system config's batcher. */
  TX_UNAUTHORIZED_SENDER,
  /** A blob transaction's calldata, which is never read (informational). */
  BLOB_TX_CALLDATA_IGNORED,
  /** A blob that is not valid version-0 rollup data. */
  BLOB_UNDECODABLE,
  /** Batcher data that is not a valid sequence of frames. */
  FRAMES_UNPARSEABLE,
  /** Holocene: a frame out of order within the frame queue. */
  FRAME_PRUNED,
  /** A frame the channel refuses (duplicate, after the closing frame, out of order, ...). */
  FRAME_REJECTED,
  /** A frame for a channel that already timed out. */
  FRAME_FOR_TIMED_OUT_CHANNEL,
  /** Holocene: a non-first frame while no channel is being assembled. */
  FRAME_WITHOUT_CHANNEL,
  /** A channel dropped because it timed out before completing. */
  CHANNEL_TIMED_OUT,
  /** Pre-Holocene: the oldest channel pruned because the channel bank grew too large. */
  CHANNEL_PRUNED,
  /** Holocene: a channel whose compressed size passed {@code MAX_RLP_BYTES_PER_CHANNEL}. */
  CHANNEL_OVERSIZED,
  /** Holocene: an unfinished channel replaced by a new first frame. */
  CHANNEL_REPLACED,
  /** The rest of a channel after a failure to read from it (compression, RLP, batch encoding). */
  CHANNEL_UNREADABLE,
  /** Holocene: the rest of a channel after an invalid batch (fast channel invalidation). */
  CHANNEL_FLUSHED,
  /** A span batch read while the L1 origin is before Delta. */
  SPAN_BATCH_BEFORE_DELTA,
  /** A span batch whose transactions cannot be expanded into full transactions. */
  SPAN_BATCH_UNDERIVABLE,
  /** A batch that failed the validity rules ({@code detail} names the rule). */
  BATCH_INVALID,
  /** Holocene: a batch (or whole span batch) at or before the safe head. */
  BATCH_PAST,
  /** Pre-Holocene: queued span batch blocks no longer matching the safe head. */
  SPAN_REMAINDER_DISCARDED
}
