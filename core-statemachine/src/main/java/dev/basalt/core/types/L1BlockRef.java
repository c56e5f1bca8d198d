package dev.basalt.core.types;

import java.util.Objects;

/** An L1 block reference: what derivation needs to know about an L1 block's position. */
public record L1BlockRef(Hash32 hash, long number, Hash32 parentHash, long timestamp) {
  public static final L1BlockRef ZERO = new L1BlockRef(Hash32.ZERO, 0, Hash32.ZERO, 0);

  public L1BlockRef {
    Objects.requireNonNull(hash, "hash");
    Objects.requireNonNull(parentHash, "parentHash");
    Unsigned.requireNonNegative(number, "number");
    Unsigned.requireNonNegative(timestamp, "timestamp");
  }

  public BlockId id() {
    return new BlockId(hash, number);
  }

  /** True when this is the unset placeholder (no block observed yet). */
  public boolean isZero() {
    return number == 0 && hash.isZero();
  }

  @Override
  public String toString() {
    return id().toString();
  }
}
