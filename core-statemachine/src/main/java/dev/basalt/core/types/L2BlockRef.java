package dev.basalt.core.types;

import java.util.Objects;

/**
 * An L2 block reference with its L1 origin and sequence number within the epoch, as op-node's
 * {@code eth.L2BlockRef}.
 */
public record L2BlockRef(
    Hash32 hash, long number, Hash32 parentHash, long timestamp, BlockId l1Origin, long sequenceNumber) {
  public static final L2BlockRef ZERO = new L2BlockRef(Hash32.ZERO, 0, Hash32.ZERO, 0, BlockId.ZERO, 0);

  public L2BlockRef {
    Objects.requireNonNull(hash, "hash");
    Objects.requireNonNull(parentHash, "parentHash");
    Objects.requireNonNull(l1Origin, "l1Origin");
    Unsigned.requireNonNegative(number, "number");
    Unsigned.requireNonNegative(timestamp, "timestamp");
    Unsigned.requireNonNegative(sequenceNumber, "sequenceNumber");
  }

  public BlockId id() {
    return new BlockId(hash, number);
  }

  public boolean isZero() {
    return number == 0 && hash.isZero();
  }

  @Override
  public String toString() {
    return id() + "(origin " + l1Origin + ", seq " + sequenceNumber + ")";
  }
}
