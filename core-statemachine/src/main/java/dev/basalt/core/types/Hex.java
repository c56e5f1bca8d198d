package dev.basalt.core.types;

/** Hex encoding with the {@code 0x} prefix used throughout Ethereum JSON-RPC. */
public final class Hex {
  private static final char[] DIGITS = "0123456789abcdef".toCharArray();

  private Hex() {}

  /** Lower-case hex with a {@code 0x} prefix. */
  public static String encode(byte[] bytes) {
    return encode(bytes, 0, bytes.length);
  }

  /** Lower-case hex of {@code length} bytes from {@code offset}, with a {@code 0x} prefix. */
  public static String encode(byte[] bytes, int offset, int length) {
    char[] out = new char[2 + length * 2];
    out[0] = '0';
    out[1] = 'x';
    for (int i = 0; i < length; i++) {
      int b = bytes[offset + i] & 0xff;
      out[2 + i * 2] = DIGITS[b >>> 4];
      out[3 + i * 2] = DIGITS[b & 0x0f];
    }
    return new String(out);
  }

  /**
   * Decodes hex with or without a {@code 0x} prefix.
   *
   * @throws IllegalArgumentException on an odd length or a non-hex character
   */
  public static byte[] decode(String hex) {
    int start = hex.startsWith("0x") || hex.startsWith("0X") ? 2 : 0;
    int digits = hex.length() - start;
    if ((digits & 1) != 0) {
      throw new IllegalArgumentException("odd number of hex digits: " + digits);
    }
    byte[] out = new byte[digits / 2];
    for (int i = 0; i < out.length; i++) {
      int hi = digit(hex.charAt(start + i * 2));
      int lo = digit(hex.charAt(start + i * 2 + 1));
      out[i] = (byte) ((hi << 4) | lo);
    }
    return out;
  }

  private static int digit(char c) {
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
      return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F') {
      return c - 'A' + 10;
    }
    throw new IllegalArgumentException("not a hex digit: '" + c + "'");
  }
}
