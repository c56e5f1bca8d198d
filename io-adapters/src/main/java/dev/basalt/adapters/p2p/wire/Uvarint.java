package dev.basalt.adapters.p2p.wire;

import java.io.ByteArrayOutputStream;

/** Unsigned LEB128 varints as multiformats use them (at most 9 bytes, minimal encoding not enforced). */
public final class Uvarint {
  /** Returned by {@link #decode} when the input ends before the varint does. */
  public static final long INCOMPLETE = -1;

  private Uvarint() {}

  public static int size(long value) {
    int n = 1;
    while ((value & ~0x7FL) != 0) {
      value >>>= 7;
      n++;
    }
    return n;
  }

  public static void write(ByteArrayOutputStream out, long value) {
    while ((value & ~0x7FL) != 0) {
      out.write((int) ((value & 0x7F) | 0x80));
      value >>>= 7;
    }
    out.write((int) value);
  }

  /** Writes at {@code offset}, returns the offset after the varint. */
  public static int write(byte[] out, int offset, long value) {
    while ((value & ~0x7FL) != 0) {
      out[offset++] = (byte) ((value & 0x7F) | 0x80);
      value >>>= 7;
    }
    out[offset++] = (byte) value;
    return offset;
  }

  public static byte[] encode(long value) {
    byte[] out = new byte[size(value)];
    write(out, 0, value);
    return out;
  }

  /**
   * Decodes the varint starting at {@code offset} (reading at most up to {@code limit}); returns
   * {@link #INCOMPLETE} if the bytes end first. The number of bytes used is {@link #size} of the
   * value only for minimal encodings, so callers that need it use {@link #decodedLength}.
   */
  public static long decode(byte[] in, int offset, int limit) throws WireException {
    long value = 0;
    for (int i = 0; i < 9; i++) {
      if (offset + i >= limit) {
        return INCOMPLETE;
      }
      int b = in[offset + i] & 0xFF;
      value |= (long) (b & 0x7F) << (7 * i);
      if ((b & 0x80) == 0) {
        return value;
      }
    }
    throw new WireException("varint longer than 9 bytes");
  }

  /** How many bytes the (complete) varint at {@code offset} occupies. */
  public static int decodedLength(byte[] in, int offset) {
    int i = 0;
    while ((in[offset + i] & 0x80) != 0) {
      i++;
    }
    return i + 1;
  }
}
