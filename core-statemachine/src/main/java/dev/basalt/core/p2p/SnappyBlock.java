package dev.basalt.core.p2p;

import java.util.Arrays;
import java.util.OptionalLong;

/**
 * The raw snappy <em>block</em> format that block gossip uses (Go {@code snappy.Encode/Decode},
 * Rust {@code snap::raw}): a uvarint of the uncompressed length, then literal and copy elements; no
 * stream identifier, no checksum.
 *
 * <p>Decoding is strict as Go's decoder is: a length header that is not a uvarint of at most 32
 * bits, a copy reaching before the start of the output or past its declared end, or an output
 * shorter than declared are all corrupt input. The declared length is checked against a caller's
 * bound before anything is allocated (a zip bomb costs nothing). Encoding is a greedy single-pass
 * matcher: any valid encoding decodes to the same bytes, and the gossip message id is taken over
 * the decoded bytes, so it need not equal Go's encoder byte for byte.
 */
public final class SnappyBlock {
  private static final int TAG_LITERAL = 0;
  private static final int TAG_COPY1 = 1;
  private static final int TAG_COPY2 = 2;
  private static final int TAG_COPY4 = 3;
  private static final int MAX_OFFSET = 65_535;
  private static final int HASH_BITS = 14;

  private SnappyBlock() {}

  /** Thrown for corrupt input; callers at the protocol boundary turn it into a value. */
  public static final class CorruptException extends Exception {
    CorruptException(String message) {
      super(message, null, false, false);
    }
  }

  /**
   * The uncompressed length the header declares, or empty when the header is not a valid uvarint
   * of at most 32 bits (Go {@code snappy.DecodedLen}).
   */
  public static OptionalLong decodedLength(byte[] src) {
    long v = 0;
    for (int i = 0, shift = 0; i < src.length && i < 10; i++, shift += 7) {
      int b = src[i] & 0xff;
      if (shift == 63 && b > 1) {
        return OptionalLong.empty();
      }
      v |= (long) (b & 0x7f) << shift;
      if (b < 0x80) {
        return v > 0xffff_ffffL ? OptionalLong.empty() : OptionalLong.of(v);
      }
    }
    return OptionalLong.empty();
  }

  private static int headerLength(byte[] src) {
    int i = 0;
    while ((src[i] & 0x80) != 0) {
      i++;
    }
    return i + 1;
  }

  /**
   * Decodes {@code src}.
   *
   * @throws CorruptException for any input Go's decoder refuses, or whose declared length exceeds
   *     {@code maxLength}
   */
  public static byte[] decode(byte[] src, int maxLength) throws CorruptException {
    OptionalLong declared = decodedLength(src);
    if (declared.isEmpty()) {
      throw new CorruptException("invalid snappy length header");
    }
    if (declared.getAsLong() > maxLength) {
      throw new CorruptException("decoded length " + declared.getAsLong() + " exceeds " + maxLength);
    }
    byte[] dst = new byte[(int) declared.getAsLong()];
    int d = decodeElements(src, headerLength(src), dst);
    if (d != dst.length) {
      throw new CorruptException("decoded " + d + " bytes, header declared " + dst.length);
    }
    return dst;
  }

  /**
   * Decodes the literal and copy elements from {@code src[s..]} into {@code dst}; returns how many
   * bytes were written (the caller checks it against the declared length).
   */
  private static int decodeElements(byte[] src, int s, byte[] dst) throws CorruptException {
    int d = 0;
    while (s < src.length) {
      int tag = src[s] & 0xff;
      int length;
      int offset;
      switch (tag & 3) {
        case TAG_LITERAL -> {
          int x = tag >>> 2;
          s++;
          if (x >= 60) {
            int extra = x - 59;
            x = longLiteralLength(src, s, extra);
            s += extra;
          }
          length = x + 1;
          if (length > dst.length - d || length > src.length - s) {
            throw new CorruptException("literal overruns its input or output");
          }
          System.arraycopy(src, s, dst, d, length);
          d += length;
          s += length;
          continue;
        }
        case TAG_COPY1 -> {
          if (s + 2 > src.length) {
            throw new CorruptException("truncated copy");
          }
          length = 4 + ((tag >>> 2) & 7);
          offset = ((tag & 0xe0) << 3) | (src[s + 1] & 0xff);
          s += 2;
        }
        case TAG_COPY2 -> {
          if (s + 3 > src.length) {
            throw new CorruptException("truncated copy");
          }
          length = 1 + (tag >>> 2);
          offset = (src[s + 1] & 0xff) | (src[s + 2] & 0xff) << 8;
          s += 3;
        }
        default -> {
          if (s + 5 > src.length) {
            throw new CorruptException("truncated copy");
          }
          length = 1 + (tag >>> 2);
          long o = (src[s + 1] & 0xffL) | (src[s + 2] & 0xffL) << 8 | (src[s + 3] & 0xffL) << 16 | (src[s + 4] & 0xffL) << 24;
          offset = o > Integer.MAX_VALUE ? -1 : (int) o;
          s += 5;
        }
      }
      if (offset <= 0 || offset > d || length > dst.length - d) {
        throw new CorruptException("copy out of range");
      }
      // Overlapping copies repeat the last `offset` bytes, so copy forward byte by byte.
      for (int end = d + length; d < end; d++) {
        dst[d] = dst[d - offset];
      }
    }
    return d;
  }

  /**
   * A literal's length minus one, stored little-endian in the {@code extra} (1 to 4) bytes at
   * {@code src[s]} after its tag; capped so that adding one cannot overflow (the bounds check then
   * refuses it).
   */
  private static int longLiteralLength(byte[] src, int s, int extra) throws CorruptException {
    if (s + extra > src.length) {
      throw new CorruptException("truncated literal length");
    }
    long n = 0;
    for (int i = 0; i < extra; i++) {
      n |= (long) (src[s + i] & 0xff) << (8 * i);
    }
    return n > Integer.MAX_VALUE - 1 ? Integer.MAX_VALUE - 1 : (int) n;
  }

  /** Compresses {@code src} into the block format. */
  public static byte[] encode(byte[] src) {
    byte[] out = new byte[maxEncodedLength(src.length)];
    int o = putUvarint(out, 0, src.length);
    int[] table = new int[1 << HASH_BITS];
    Arrays.fill(table, -1);
    int literalStart = 0;
    int i = 0;
    while (i + 4 <= src.length) {
      int h = hash(src, i);
      int candidate = table[h];
      table[h] = i;
      if (candidate < 0 || i - candidate > MAX_OFFSET || !same4(src, candidate, i)) {
        i++;
        continue;
      }
      int length = 4;
      while (i + length < src.length && src[candidate + length] == src[i + length]) {
        length++;
      }
      o = literal(out, o, src, literalStart, i - literalStart);
      o = copies(out, o, i - candidate, length);
      i += length;
      literalStart = i;
    }
    o = literal(out, o, src, literalStart, src.length - literalStart);
    return Arrays.copyOf(out, o);
  }

  /** An upper bound of {@link #encode}'s output (Go's {@code MaxEncodedLen}). */
  public static int maxEncodedLength(int srcLength) {
    return 32 + srcLength + srcLength / 6;
  }

  private static int hash(byte[] b, int i) {
    int v = (b[i] & 0xff) | (b[i + 1] & 0xff) << 8 | (b[i + 2] & 0xff) << 16 | (b[i + 3] & 0xff) << 24;
    return (v * 0x1e35a7bd) >>> (32 - HASH_BITS);
  }

  private static boolean same4(byte[] b, int x, int y) {
    return b[x] == b[y] && b[x + 1] == b[y + 1] && b[x + 2] == b[y + 2] && b[x + 3] == b[y + 3];
  }

  private static int literal(byte[] out, int o, byte[] src, int from, int length) {
    if (length == 0) {
      return o;
    }
    int n = length - 1;
    if (n < 60) {
      out[o++] = (byte) (n << 2 | TAG_LITERAL);
    } else {
      int bytes = n < 1 << 8 ? 1 : n < 1 << 16 ? 2 : n < 1 << 24 ? 3 : 4;
      out[o++] = (byte) ((59 + bytes) << 2 | TAG_LITERAL);
      for (int k = 0; k < bytes; k++) {
        out[o++] = (byte) (n >>> (8 * k));
      }
    }
    System.arraycopy(src, from, out, o, length);
    return o + length;
  }

  /** Copy elements of at most 64 bytes each, with 2-byte offsets. */
  private static int copies(byte[] out, int o, int offset, int length) {
    while (length > 0) {
      int n = Math.min(length, 64);
      out[o++] = (byte) ((n - 1) << 2 | TAG_COPY2);
      out[o++] = (byte) offset;
      out[o++] = (byte) (offset >>> 8);
      length -= n;
    }
    return o;
  }

  private static int putUvarint(byte[] out, int o, long v) {
    while (v >= 0x80) {
      out[o++] = (byte) (v | 0x80);
      v >>>= 7;
    }
    out[o++] = (byte) v;
    return o;
  }
}
