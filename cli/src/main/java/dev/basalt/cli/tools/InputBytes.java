package dev.basalt.cli.tools;

import java.nio.charset.StandardCharsets;

/**
 * Turns what the operator gives into bytes: hex on the command line, or a file holding either raw
 * bytes or hex text. Hex may carry a {@code 0x} prefix, surrounding whitespace and surrounding
 * double quotes (a JSON string, as RPC clients print results). A file is read as hex when, so
 * trimmed, it is nothing but hex digits; otherwise its bytes are taken as they are. A binary file
 * that happens to consist only of ASCII hex digits is therefore read as hex; no real transaction,
 * channel or blob looks like that.
 */
final class InputBytes {
  private InputBytes() {}

  /** Decodes hex text; {@code source} names where it came from in messages ("--hex"). */
  static byte[] hex(String text, String source) {
    String digits = stripPrefix(trim(text));
    if (digits.isEmpty()) {
      throw new BadInputException(source + ": no hex digits");
    }
    for (int i = 0; i < digits.length(); i++) {
      if (Character.digit(digits.charAt(i), 16) < 0) {
        throw new BadInputException(source + ": '" + printable(digits.charAt(i)) + "' at digit " + i + " is not a hex digit");
      }
    }
    if ((digits.length() & 1) != 0) {
      throw new BadInputException(source + ": odd number of hex digits (" + digits.length() + ")");
    }
    byte[] out = new byte[digits.length() / 2];
    for (int i = 0; i < out.length; i++) {
      out[i] = (byte) ((Character.digit(digits.charAt(2 * i), 16) << 4) | Character.digit(digits.charAt(2 * i + 1), 16));
    }
    return out;
  }

  /**
   * The bytes a file holds: decoded hex text, or the raw content.
   *
   * @param requireHex true when the operator said the file is hex ({@code --hex} without a value)
   */
  static byte[] fileContent(byte[] raw, String source, boolean requireHex) {
    if (raw.length == 0) {
      throw new BadInputException(source + ": file is empty");
    }
    String text = asciiOrNull(raw);
    if (text != null && looksLikeHex(text)) {
      return hex(text, source);
    }
    if (requireHex) {
      throw new BadInputException(source + ": not hex text (--hex without a value says the file holds hex)");
    }
    return raw;
  }

  /** True for text that is, trimmed, an optional {@code 0x} and only hex digits. */
  static boolean looksLikeHex(String text) {
    String digits = stripPrefix(trim(text));
    if (digits.isEmpty()) {
      return trim(text).length() == 2; // a bare "0x": hex, and empty
    }
    for (int i = 0; i < digits.length(); i++) {
      if (Character.digit(digits.charAt(i), 16) < 0) {
        return false;
      }
    }
    return true;
  }

  /** Whitespace, then one pair of double quotes around the rest, then whitespace again. */
  private static String trim(String text) {
    String s = text.strip();
    if (s.length() >= 2 && s.charAt(0) == '"' && s.charAt(s.length() - 1) == '"') {
      s = s.substring(1, s.length() - 1).strip();
    }
    return s;
  }

  private static String stripPrefix(String s) {
    return s.startsWith("0x") || s.startsWith("0X") ? s.substring(2) : s;
  }

  /** The content as text when every byte is 7-bit ASCII, else null (then it is binary). */
  private static String asciiOrNull(byte[] raw) {
    for (byte b : raw) {
      if (b < 0) {
        return null;
      }
    }
    return new String(raw, StandardCharsets.US_ASCII);
  }

  private static String printable(char c) {
    return c >= 0x20 && c < 0x7f ? String.valueOf(c) : String.format("\\u%04x", (int) c);
  }
}
