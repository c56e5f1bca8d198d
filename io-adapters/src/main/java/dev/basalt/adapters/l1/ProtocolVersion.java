package dev.basalt.adapters.l1;

import dev.basalt.core.types.Hash32;
import java.util.HexFormat;

/**
 * A superchain protocol version as the ProtocolVersions contract stores it (one 32-byte word):
 * byte 0 the version type (0 is the only one defined), bytes 8..16 the build id, then major,
 * minor, patch and pre-release as big-endian 32-bit numbers. The all-zero word means "not set".
 */
record ProtocolVersion(Hash32 word) {

  boolean isUnset() {
    return word.isZero();
  }

  /** {@code v<major>.<minor>.<patch>[-<pre>][+0x<build>]}, or the raw word for unknown types. */
  @Override
  public String toString() {
    if (isUnset()) {
      return "unset";
    }
    byte[] b = word.toArray();
    if (b[0] != 0) {
      return "unknown version type " + (b[0] & 0xff) + " (" + word.toHex() + ")";
    }
    StringBuilder s = new StringBuilder("v").append(u32(b, 16)).append('.').append(u32(b, 20)).append('.').append(u32(b, 24));
    long pre = u32(b, 28);
    if (pre != 0) {
      s.append("-").append(pre);
    }
    boolean build = false;
    for (int i = 8; i < 16; i++) {
      build |= b[i] != 0;
    }
    if (build) {
      s.append("+0x").append(HexFormat.of().formatHex(b, 8, 16));
    }
    return s.toString();
  }

  private static long u32(byte[] b, int at) {
    return ((b[at] & 0xffL) << 24) | ((b[at + 1] & 0xffL) << 16) | ((b[at + 2] & 0xffL) << 8) | (b[at + 3] & 0xffL);
  }
}
