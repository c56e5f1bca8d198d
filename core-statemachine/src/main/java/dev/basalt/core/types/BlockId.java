package dev.basalt.core.types;

import java.util.Objects;

/** A block identified by hash and number ({@code eth.BlockID} in op-node). */
public record BlockId(Hash32 hash, long number) {
  public static final BlockId ZERO = new BlockId(Hash32.ZERO, 0);

  public BlockId {
    Objects.requireNonNull(hash, "hash");
    Unsigned.requireNonNegative(number, "number");
  }

  @Override
  public String toString() {
    return hash.toHex().substring(0, 10) + ":" + number;
  }
}
