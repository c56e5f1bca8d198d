package dev.basalt.core.derive.batch;

/** Size limits on span batch contents. */
public final class SpanBatchLimits {
  /**
   * Most blocks, transactions in total, or transactions in one block a span batch may claim.
   * Fjord named it {@code MAX_SPAN_BATCH_ELEMENT_COUNT}; before Fjord op-node enforced the same
   * 10,000,000 through {@code MAX_SPAN_BATCH_SIZE} (= {@code MAX_RLP_BYTES_PER_CHANNEL}, Bedrock), so
   * one constant serves every fork.
   */
  public static final int MAX_ELEMENT_COUNT = 10_000_000;

  /** op-node also bounds one transaction's RLP list by this many bytes (its RLP stream limit). */
  public static final int MAX_TX_RLP_BYTES = MAX_ELEMENT_COUNT;

  private SpanBatchLimits() {}
}
