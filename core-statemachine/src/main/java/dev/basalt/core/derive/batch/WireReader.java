package dev.basalt.core.derive.batch;

import dev.basalt.core.codec.DecodeException;
import java.util.Arrays;

/** A bounds-checked cursor over a byte range, with protobuf-style unsigned varints. */
final class WireReader {
  /** binary.MaxVarintLen64: a u64 varint is never longer than this. */
  static final int MAX_UVARINT_BYTES = 10;

  private final byte[] buf;
  private final int end;
  private int pos;

  WireReader(byte[] buf, int offset, int length) {
    if (offset < 0 || length < 0 || offset + length > buf.length) {
      throw new IllegalArgumentException("bad range " + offset + "+" + length + " of " + buf.length);
    }
    this.buf = buf;
    this.pos = offset;
    this.end = offset + length;
  }

  int position() {
    return pos;
  }

  int remaining() {
    return end - pos;
  }

  byte[] buffer() {
    return buf;
  }

  /** Throws unless at least {@code n} bytes remain (n may be a long claim read from input). */
  void need(long n, String what) {
    if (n < 0 || n > end - pos) {
      throw new DecodeException("truncated " + what + ": needs " + n + " bytes at offset " + pos + ", " + (end - pos) + " left");
    }
  }

  int u8(String what) {
    need(1, what);
    return buf[pos++] & 0xff;
  }

  int peek(String what) {
    need(1, what);
    return buf[pos] & 0xff;
  }

  byte[] bytes(int n, String what) {
    need(n, what);
    byte[] out = Arrays.copyOfRange(buf, pos, pos + n);
    pos += n;
    return out;
  }

  void skip(int n, String what) {
    need(n, what);
    pos += n;
  }

  /**
   * An unsigned varint exactly as Go's {@code binary.ReadUvarint} reads one: up to 10 bytes, the
   * tenth at most 1; non-minimal encodings (such as {@code 0x80 0x00}) are accepted, as Go accepts
   * them.
   */
  long uvarint(String what) {
    long x = 0;
    int shift = 0;
    for (int i = 0; i < MAX_UVARINT_BYTES; i++) {
      int b = u8(what);
      if (b < 0x80) {
        if (i == MAX_UVARINT_BYTES - 1 && b > 1) {
          throw new DecodeException(what + ": varint overflows 64 bits at offset " + (pos - 1));
        }
        return x | ((long) b << shift);
      }
      x |= (long) (b & 0x7f) << shift;
      shift += 7;
    }
    throw new DecodeException(what + ": varint longer than 10 bytes at offset " + pos);
  }
}
