package dev.basalt.cli.tools;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class InputBytesTest {
  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }

  @Test
  void hexWithOrWithoutPrefixAndWhitespace() {
    byte[] expected = {0x00, (byte) 0xab, 0x7e};
    assertArrayEquals(expected, InputBytes.hex("0x00ab7e", "x"));
    assertArrayEquals(expected, InputBytes.hex("00AB7E", "x"));
    assertArrayEquals(expected, InputBytes.hex("  0X00ab7E\n", "x"));
    assertArrayEquals(expected, InputBytes.hex("\"0x00ab7e\"\n", "x"), "a JSON string, as RPC clients print it");
  }

  @Test
  void badHexSaysWhere() {
    assertEquals("x: odd number of hex digits (5)", assertThrows(BadInputException.class, () -> InputBytes.hex("0x00ab7", "x"))
        .getMessage());
    assertEquals("x: ' ' at digit 2 is not a hex digit",
        assertThrows(BadInputException.class, () -> InputBytes.hex("00 ab", "x")).getMessage());
    assertEquals("x: '\\u00e9' at digit 1 is not a hex digit",
        assertThrows(BadInputException.class, () -> InputBytes.hex("0\u00e9", "x")).getMessage());
    assertEquals("x: no hex digits", assertThrows(BadInputException.class, () -> InputBytes.hex("", "x")).getMessage());
  }

  @Test
  void filesAreHexTextWhenTheyLookLikeIt() {
    assertArrayEquals(new byte[] {0x12, 0x34}, InputBytes.fileContent(ascii("0x1234\n"), "f", false));
    assertArrayEquals(new byte[] {0x12, 0x34}, InputBytes.fileContent(ascii("\t1234  "), "f", true));
    byte[] binary = {0x02, (byte) 0xf8, 0x10, 0x0a};
    assertArrayEquals(binary, InputBytes.fileContent(binary, "f", false), "binary passes through untouched");
    byte[] asciiButNotHex = ascii("0x12 34");
    assertArrayEquals(asciiButNotHex, InputBytes.fileContent(asciiButNotHex, "f", false));
    assertThrows(BadInputException.class, () -> InputBytes.fileContent(asciiButNotHex, "f", true));
    assertEquals("f: file is empty", assertThrows(BadInputException.class, () -> InputBytes.fileContent(new byte[0], "f", false))
        .getMessage());
    assertEquals("f: no hex digits", assertThrows(BadInputException.class, () -> InputBytes.fileContent(ascii("0x\n"), "f", false))
        .getMessage());
  }

  @Test
  void looksLikeHex() {
    assertTrue(InputBytes.looksLikeHex(" 0xdeadBEEF "));
    assertTrue(InputBytes.looksLikeHex("abc"));
    assertTrue(InputBytes.looksLikeHex("\"0xabcd\"\n"));
    assertFalse(InputBytes.looksLikeHex("\"0xabcd"));
    assertFalse(InputBytes.looksLikeHex("0xdead beef"));
    assertFalse(InputBytes.looksLikeHex("  "));
  }
}
