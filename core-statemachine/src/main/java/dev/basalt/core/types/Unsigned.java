package dev.basalt.core.types;

/**
 * Helpers for unsigned 64-bit protocol quantities held in a {@code long}.
 *
 * <p>Block numbers and timestamps never come near 2^63, so the value types require them to be
 * non-negative; fields that really use the full u64 range (gas, fees) go through the helpers here.
 */
public final class Unsigned {
  private Unsigned() {}

  /** Throws when a value that must fit in 63 bits is negative. */
  public static long requireNonNegative(long value, String name) {
    if (value < 0) {
      throw new IllegalArgumentException(name + " must be non-negative, got " + value);
    }
    return value;
  }

  /** Adds two u64 values, throwing on overflow past 2^64 - 1. */
  public static long addExact(long a, long b) {
    long sum = a + b;
    if (Long.compareUnsigned(sum, a) < 0) {
      throw new ArithmeticException("u64 overflow: " + toString(a) + " + " + toString(b));
    }
    return sum;
  }

  public static int compare(long a, long b) {
    return Long.compareUnsigned(a, b);
  }

  public static String toString(long value) {
    return Long.toUnsignedString(value);
  }

  /** Parses a decimal or {@code 0x}-hex u64. */
  public static long parse(String text) {
    if (text.startsWith("0x") || text.startsWith("0X")) {
      return Long.parseUnsignedLong(text.substring(2), 16);
    }
    return Long.parseUnsignedLong(text);
  }
}
