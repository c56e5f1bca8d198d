package dev.basalt.adapters.sequencer;

import dev.basalt.core.crypto.SigningKey;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Reads a sequencer key as op-node does ({@code crypto.HexToECDSA} after trimming {@code 0x}): 64
 * hex digits, from the flag or from a file (surrounding whitespace ignored). Error messages never
 * repeat the key.
 */
public final class SequencerKeys {
  private SequencerKeys() {}

  /** @throws IllegalArgumentException saying what is wrong, without the key */
  public static SigningKey fromHex(String text, String source) {
    String hex = text.strip();
    if (hex.startsWith("0x") || hex.startsWith("0X")) {
      hex = hex.substring(2);
    }
    if (hex.length() != 64 || !hex.toLowerCase(Locale.ROOT).chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
      throw new IllegalArgumentException(source + ": a sequencer key is 64 hex digits (32 bytes), got "
          + hex.length() + " characters");
    }
    try {
      return SigningKey.fromHex(hex);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(source + ": not a valid secp256k1 private key (out of range)");
    }
  }

  /** @throws IllegalArgumentException when the file cannot be read or holds no key */
  public static SigningKey fromFile(Path file, String source) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.US_ASCII);
    } catch (IOException e) {
      throw new IllegalArgumentException(source + ": cannot read " + file + ": " + e.getClass().getSimpleName());
    }
    return fromHex(text, source + " (" + file + ")");
  }
}
