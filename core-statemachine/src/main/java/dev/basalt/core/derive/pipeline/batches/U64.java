package dev.basalt.core.derive.pipeline.batches;

/**
 * Unsigned comparisons: batch timestamps and epoch numbers come from the wire as u64 and may be
 * above 2^63, so they are compared as op-node's Go code compares them.
 */
final class U64 {
  private U64() {}

  static boolean lt(long a, long b) {
    return Long.compareUnsigned(a, b) < 0;
  }

  static boolean le(long a, long b) {
    return Long.compareUnsigned(a, b) <= 0;
  }

  static boolean gt(long a, long b) {
    return Long.compareUnsigned(a, b) > 0;
  }

  static boolean ge(long a, long b) {
    return Long.compareUnsigned(a, b) >= 0;
  }
}
