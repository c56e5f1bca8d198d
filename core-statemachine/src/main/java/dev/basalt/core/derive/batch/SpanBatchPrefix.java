package dev.basalt.core.derive.batch;

import dev.basalt.core.types.Bytes;
import java.util.Objects;

/**
 * The span batch prefix: {@code rel_timestamp ++ l1_origin_num ++ parent_check ++ l1_origin_check}.
 *
 * @param relTimestamp first block's timestamp minus the L2 genesis timestamp (u64)
 * @param l1OriginNumber L1 origin number of the last block in the span (u64)
 * @param parentCheck first 20 bytes of the first block's parent hash
 * @param l1OriginCheck first 20 bytes of the last block's L1 origin hash
 */
public record SpanBatchPrefix(long relTimestamp, long l1OriginNumber, Bytes parentCheck, Bytes l1OriginCheck) {
  public static final int CHECK_BYTES = 20;

  public SpanBatchPrefix {
    Objects.requireNonNull(parentCheck, "parentCheck");
    Objects.requireNonNull(l1OriginCheck, "l1OriginCheck");
    if (parentCheck.length() != CHECK_BYTES || l1OriginCheck.length() != CHECK_BYTES) {
      throw new IllegalArgumentException("checks are 20 bytes");
    }
  }
}
