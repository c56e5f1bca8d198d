package dev.basalt.core.derive.batch;

import dev.basalt.core.codec.BinaryWriter;
import dev.basalt.core.codec.DecodeException;
import java.util.Arrays;

/**
 * A span-batch "standard bitlist": {@code length} bits stored as a big-endian integer, left-padded
 * with zeros to whole bytes; bit {@code i} is the integer's bit {@code i} (so bit 0 is the lowest
 * bit of the last byte). Immutable.
 */
public final class SpanBits {
  private final int length;
  private final byte[] bytes;

  private SpanBits(int length, byte[] bytes) {
    this.length = length;
    this.bytes = bytes;
  }

  /** Bytes a bitlist of {@code bitLength} bits takes on the wire. */
  static long byteLength(long bitLength) {
    return (bitLength + 7) / 8;
  }

  /** A bitlist of {@code length} bits from booleans. */
  public static SpanBits of(boolean[] bits) {
    byte[] b = new byte[(int) byteLength(bits.length)];
    for (int i = 0; i < bits.length; i++) {
      if (bits[i]) {
        b[b.length - 1 - i / 8] |= (byte) (1 << (i % 8));
      }
    }
    return new SpanBits(bits.length, b);
  }

  /**
   * Reads {@code bitLength} bits, rejecting a set bit above them (op-node: "bitfield has N bits,
   * but expected no more than L"); the byte count is checked against the input first.
   */
  static SpanBits read(WireReader in, long bitLength, String what) {
    long n = byteLength(bitLength);
    in.need(n, what);
    byte[] b = in.bytes((int) n, what);
    int spare = (int) (n * 8 - bitLength);
    if (b.length > 0 && spare > 0 && (b[0] & 0xff) >>> (8 - spare) != 0) {
      throw new DecodeException(what + ": bit set beyond the " + bitLength + " expected");
    }
    return new SpanBits((int) bitLength, b);
  }

  void write(BinaryWriter out) {
    out.raw(bytes, 0, bytes.length);
  }

  public int length() {
    return length;
  }

  public boolean get(int index) {
    if (index < 0 || index >= length) {
      throw new IndexOutOfBoundsException("bit " + index + " of " + length);
    }
    return (bytes[bytes.length - 1 - index / 8] & (1 << (index % 8))) != 0;
  }

  /** Number of set bits. */
  public int count() {
    int c = 0;
    for (byte b : bytes) {
      c += Integer.bitCount(b & 0xff);
    }
    return c;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof SpanBits s && length == s.length && Arrays.equals(bytes, s.bytes);
  }

  @Override
  public int hashCode() {
    return 31 * length + Arrays.hashCode(bytes);
  }

  @Override
  public String toString() {
    StringBuilder s = new StringBuilder("SpanBits[");
    for (int i = 0; i < Math.min(length, 64); i++) {
      s.append(get(i) ? '1' : '0');
    }
    return s.append(length > 64 ? "...]" : "]").toString();
  }
}
