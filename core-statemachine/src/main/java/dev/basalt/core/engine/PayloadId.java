package dev.basalt.core.engine;

import dev.basalt.core.types.Hex;

/** The engine's 8-byte handle for a payload being built. */
public record PayloadId(long value) {
  public String toHex() {
    byte[] b = new byte[8];
    for (int i = 0; i < 8; i++) {
      b[i] = (byte) (value >>> (56 - 8 * i));
    }
    return Hex.encode(b);
  }

  @Override
  public String toString() {
    return toHex();
  }
}
