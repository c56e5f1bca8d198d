package dev.basalt.core.upgrade;

import dev.basalt.core.types.Bytes;
import dev.basalt.core.types.Hex;

/**
 * Decodes bytecode stored as hex string constants. A Java string constant holds at most 65,535
 * bytes, so long bytecode is split into chunks that are joined here.
 */
public final class HexChunks {
  private HexChunks() {}

  /**
   * The bytes the concatenated chunks spell (hex digits without prefix).
   *
   * @throws IllegalArgumentException on an odd total length or a non-hex character
   */
  public static Bytes decode(String... chunks) {
    return Bytes.wrapOwned(Hex.decode(String.join("", chunks)));
  }
}
