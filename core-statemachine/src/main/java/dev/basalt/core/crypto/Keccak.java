package dev.basalt.core.crypto;

import dev.basalt.core.types.Bytes;
import dev.basalt.core.types.Hash32;

/** Keccak-256 as Ethereum uses it (the original Keccak padding, not SHA3-256). */
public final class Keccak {
  private Keccak() {}

  public static Hash32 hash(byte[] data) {
    return hash(data, 0, data.length);
  }

  public static Hash32 hash(byte[] data, int offset, int length) {
    java.util.Objects.checkFromIndexSize(offset, length, data.length);
    byte[] out = new byte[32];
    Keccak256.hash(data, offset, length, out, 0);
    return Hash32.wrap(out);
  }

  public static Hash32 hash(Bytes data) {
    return hash(data.toArray());
  }

  /** Keccak-256 of the concatenation of the parts. */
  public static Hash32 hash(byte[]... parts) {
    int length = 0;
    for (byte[] part : parts) {
      length += part.length;
    }
    byte[] all = new byte[length];
    int at = 0;
    for (byte[] part : parts) {
      System.arraycopy(part, 0, all, at, part.length);
      at += part.length;
    }
    return hash(all, 0, length);
  }
}
