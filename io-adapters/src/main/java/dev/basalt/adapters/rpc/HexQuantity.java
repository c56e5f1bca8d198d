package dev.basalt.adapters.rpc;

/** go-ethereum's {@code hexutil} checks of a 64-bit hex quantity, with its error wording. */
final class HexQuantity {
  private HexQuantity() {}

  /** Why {@code s} is not a valid quantity, or null when it is. */
  static String problem(String s) {
    if (s.isEmpty()) {
      return "empty hex string";
    }
    if (s.length() < 2 || s.charAt(0) != '0' || (s.charAt(1) != 'x' && s.charAt(1) != 'X')) {
      return "hex string without 0x prefix";
    }
    String digits = s.substring(2);
    if (digits.isEmpty()) {
      return "hex string \"0x\"";
    }
    // go-ethereum's order of checks, so the same bad input gets the same message.
    if (digits.length() > 1 && digits.charAt(0) == '0') {
      return "hex number with leading zero digits";
    }
    if (digits.length() > 16) {
      return "hex number > 64 bits";
    }
    for (int i = 0; i < digits.length(); i++) {
      if (Character.digit(digits.charAt(i), 16) < 0) {
        return "invalid hex string";
      }
    }
    return null;
  }

  /** {@code 0x}-prefixed lower-case hex without leading zeros ({@code hexutil.Uint64} text). */
  static String of(long value) {
    return "0x" + Long.toHexString(value);
  }
}
