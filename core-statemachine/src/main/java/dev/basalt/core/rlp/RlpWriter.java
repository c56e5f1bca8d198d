package dev.basalt.core.rlp;

import dev.basalt.core.types.Address;
import dev.basalt.core.types.Bytes;
import dev.basalt.core.types.Hash32;
import java.math.BigInteger;
import java.util.Arrays;

/**
 * Builds canonical RLP into one growable buffer. Lists are opened with {@link #startList()} and
 * closed with {@link #endList()}, which inserts the list header in front of the payload.
 */
public final class RlpWriter {
  private byte[] buf;
  private int pos;
  private int[] listStarts = new int[8];
  private int depth;

  public RlpWriter() {
    this(128);
  }

  public RlpWriter(int initialCapacity) {
    buf = new byte[Math.max(16, initialCapacity)];
  }

  public byte[] toByteArray() {
    if (depth != 0) {
      throw new IllegalStateException(depth + " lists still open");
    }
    return Arrays.copyOf(buf, pos);
  }

  /**
   * The buffer written so far, valid in {@code [0, size())} until the next write (to hash an
   * encoding without copying it out); every list must be closed.
   */
  public byte[] buffer() {
    if (depth != 0) {
      throw new IllegalStateException(depth + " lists still open");
    }
    return buf;
  }

  public int size() {
    return pos;
  }

  public void reset() {
    pos = 0;
    depth = 0;
  }

  private void ensure(int more) {
    if (pos + more > buf.length) {
      buf = Arrays.copyOf(buf, Math.max(pos + more, buf.length * 2));
    }
  }

  public RlpWriter startList() {
    if (depth == listStarts.length) {
      listStarts = Arrays.copyOf(listStarts, depth * 2);
    }
    listStarts[depth++] = pos;
    return this;
  }

  public RlpWriter endList() {
    if (depth == 0) {
      throw new IllegalStateException("no open list");
    }
    int start = listStarts[--depth];
    int length = pos - start;
    int headerSize = headerSize(length);
    ensure(headerSize);
    System.arraycopy(buf, start, buf, start + headerSize, length);
    writeHeader(start, 0xc0, length);
    pos += headerSize;
    return this;
  }

  private static int headerSize(int length) {
    return length <= 55 ? 1 : 1 + byteLength(length);
  }

  private static int byteLength(long v) {
    return (64 - Long.numberOfLeadingZeros(v) + 7) / 8;
  }

  private void writeHeader(int at, int base, int length) {
    if (length <= 55) {
      buf[at] = (byte) (base + length);
      return;
    }
    int n = byteLength(length);
    buf[at] = (byte) (base + 55 + n);
    for (int i = 0; i < n; i++) {
      buf[at + 1 + i] = (byte) (length >>> (8 * (n - 1 - i)));
    }
  }

  public RlpWriter bytes(byte[] data) {
    return bytes(data, 0, data.length);
  }

  public RlpWriter bytes(byte[] data, int offset, int length) {
    if (length == 1 && (data[offset] & 0xff) < 0x80) {
      ensure(1);
      buf[pos++] = data[offset];
      return this;
    }
    int headerSize = headerSize(length);
    ensure(headerSize + length);
    writeHeader(pos, 0x80, length);
    pos += headerSize;
    System.arraycopy(data, offset, buf, pos, length);
    pos += length;
    return this;
  }

  /** As {@code bytes(data.toArray())}, copying straight from the value. */
  public RlpWriter bytes(Bytes data) {
    int length = data.length();
    if (length == 1 && (data.get(0) & 0xff) < 0x80) {
      ensure(1);
      buf[pos++] = data.get(0);
      return this;
    }
    int headerSize = headerSize(length);
    ensure(headerSize + length);
    writeHeader(pos, 0x80, length);
    pos += headerSize;
    data.copyTo(0, buf, pos, length);
    pos += length;
    return this;
  }

  public RlpWriter hash(Hash32 h) {
    ensure(1 + Hash32.LENGTH);
    buf[pos++] = (byte) (0x80 + Hash32.LENGTH);
    h.copyTo(buf, pos);
    pos += Hash32.LENGTH;
    return this;
  }

  public RlpWriter address(Address a) {
    ensure(1 + Address.LENGTH);
    buf[pos++] = (byte) (0x80 + Address.LENGTH);
    a.copyTo(buf, pos);
    pos += Address.LENGTH;
    return this;
  }

  /** An address, or the empty string for null (contract creation). */
  public RlpWriter optionalAddress(Address a) {
    return a == null ? emptyString() : address(a);
  }

  private RlpWriter emptyString() {
    ensure(1);
    buf[pos++] = (byte) 0x80;
    return this;
  }

  /** An unsigned 64-bit integer in minimal big-endian form. */
  public RlpWriter uint64(long v) {
    if (v == 0) {
      return emptyString();
    }
    if (v > 0 && v < 0x80) {
      ensure(1);
      buf[pos++] = (byte) v;
      return this;
    }
    int n = byteLength(v);
    ensure(1 + n);
    buf[pos++] = (byte) (0x80 + n);
    for (int i = 0; i < n; i++) {
      buf[pos++] = (byte) (v >>> (8 * (n - 1 - i)));
    }
    return this;
  }

  public RlpWriter uint256(BigInteger v) {
    if (v.signum() < 0 || v.bitLength() > 256) {
      throw new IllegalArgumentException("not a u256: " + v);
    }
    return bigUnsigned(v);
  }

  /** A non-negative integer of any size in minimal big-endian form (go-ethereum {@code *big.Int}). */
  public RlpWriter bigUnsigned(BigInteger v) {
    if (v.signum() < 0) {
      throw new IllegalArgumentException("negative integer: " + v);
    }
    if (v.signum() == 0) {
      return emptyString();
    }
    if (v.bitLength() < Long.SIZE) {
      return uint64(v.longValue());
    }
    byte[] b = v.toByteArray();
    int skip = b[0] == 0 ? 1 : 0;
    return bytes(b, skip, b.length - skip);
  }

  /**
   * The unsigned big-endian integer in {@code b[offset, offset + length)} in minimal form: as
   * {@code bigUnsigned(new BigInteger(1, those bytes))}, without the BigInteger.
   */
  public RlpWriter unsignedBigEndian(Bytes b, int offset, int length) {
    int at = offset;
    int end = offset + length;
    while (at < end && b.get(at) == 0) {
      at++;
    }
    int n = end - at;
    if (n == 1 && (b.get(at) & 0xff) < 0x80) {
      return rawByte(b.get(at));
    }
    int headerSize = headerSize(n);
    ensure(headerSize + n);
    writeHeader(pos, 0x80, n);
    pos += headerSize;
    b.copyTo(at, buf, pos, n);
    pos += n;
    return this;
  }

  public RlpWriter bool(boolean v) {
    return uint64(v ? 1 : 0);
  }

  /** Appends an already-encoded item verbatim. */
  public RlpWriter raw(Bytes encoded) {
    ensure(encoded.length());
    encoded.copyTo(0, buf, pos, encoded.length());
    pos += encoded.length();
    return this;
  }

  /** Appends one byte verbatim (an EIP-2718 type byte in front of a list). */
  public RlpWriter rawByte(int b) {
    ensure(1);
    buf[pos++] = (byte) b;
    return this;
  }

  /** Appends an already-encoded item verbatim. */
  public RlpWriter raw(byte[] encoded) {
    return raw(encoded, 0, encoded.length);
  }

  /** Appends the already-encoded item in {@code encoded[offset, offset + length)} verbatim. */
  public RlpWriter raw(byte[] encoded, int offset, int length) {
    ensure(length);
    System.arraycopy(encoded, offset, buf, pos, length);
    pos += length;
    return this;
  }
}
