package dev.basalt.testdata.world.http;

import java.math.BigInteger;

/** JSON-RPC quantities: {@code 0x}-prefixed hex without leading zeros ({@code 0x0} for zero). */
final class Quantity {
  private Quantity() {}

  static String of(long unsigned) {
    return "0x" + Long.toHexString(unsigned);
  }

  static String of(BigInteger v) {
    return "0x" + v.toString(16);
  }

  /** Parses a quantity (hex with {@code 0x}, or a decimal number some clients send). */
  static long parse(String s) {
    if (s.startsWith("0x") || s.startsWith("0X")) {
      return Long.parseUnsignedLong(s.substring(2), 16);
    }
    return Long.parseLong(s);
  }
}
