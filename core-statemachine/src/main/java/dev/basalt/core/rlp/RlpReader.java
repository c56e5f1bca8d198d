package dev.basalt.core.rlp;

import dev.basalt.core.types.Address;
import dev.basalt.core.types.Bytes;
import dev.basalt.core.types.Hash32;
import java.math.BigInteger;
import java.util.Arrays;

/**
 * Reads a sequence of RLP items from a byte range, one at a time. {@link #readList()} returns a
 * reader over a list's payload; the parent has already moved past the list.
 */
public final class RlpReader {
  private final byte[] buf;
  private final int end;
  private int pos;

  /** Kind of the next item. */
  public enum Kind {
    STRING,
    LIST
  }

  public RlpReader(byte[] buf) {
    this(buf, 0, buf.length);
  }

  public RlpReader(byte[] buf, int offset, int length) {
    if (offset < 0 || length < 0 || offset + length > buf.length) {
      throw new IllegalArgumentException("bad range " + offset + "+" + length + " of " + buf.length);
    }
    this.buf = buf;
    this.pos = offset;
    this.end = offset + length;
  }

  public boolean hasNext() {
    return pos < end;
  }

  public int position() {
    return pos;
  }

  /** Throws unless every byte of this reader's range was consumed. */
  public void expectEnd() {
    if (pos != end) {
      throw new RlpException((end - pos) + " trailing bytes at offset " + pos);
    }
  }

  public Kind peekKind() {
    need(1);
    return (buf[pos] & 0xff) >= 0xc0 ? Kind.LIST : Kind.STRING;
  }

  /** Header of the item at {@link #pos}: where its payload starts and how long it is. */
  private long header(Kind expected) {
    need(1);
    int prefix = buf[pos] & 0xff;
    int start;
    int length;
    Kind kind;
    if (prefix < 0x80) {
      kind = Kind.STRING;
      start = pos;
      length = 1;
    } else if (prefix <= 0xb7) {
      kind = Kind.STRING;
      length = prefix - 0x80;
      start = pos + 1;
      if (length == 1) {
        need(2);
        if ((buf[pos + 1] & 0xff) < 0x80) {
          throw new RlpException("non-canonical single byte at offset " + pos);
        }
      }
    } else if (prefix <= 0xbf) {
      kind = Kind.STRING;
      int lenOfLen = prefix - 0xb7;
      length = longLength(lenOfLen);
      start = pos + 1 + lenOfLen;
    } else if (prefix <= 0xf7) {
      kind = Kind.LIST;
      length = prefix - 0xc0;
      start = pos + 1;
    } else {
      kind = Kind.LIST;
      int lenOfLen = prefix - 0xf7;
      length = longLength(lenOfLen);
      start = pos + 1 + lenOfLen;
    }
    if (expected != null && kind != expected) {
      throw new RlpException("expected " + expected + " at offset " + pos + ", found " + kind);
    }
    if (length > end - start) {
      throw new RlpException("item at offset " + pos + " claims " + length + " bytes, " + (end - start) + " left");
    }
    return ((long) start << 32) | (length & 0xffffffffL);
  }

  private int longLength(int lenOfLen) {
    need(1 + lenOfLen);
    if (buf[pos + 1] == 0) {
      throw new RlpException("length with leading zero at offset " + pos);
    }
    long length = 0;
    for (int i = 0; i < lenOfLen; i++) {
      length = (length << 8) | (buf[pos + 1 + i] & 0xff);
      if (length > Integer.MAX_VALUE) {
        throw new RlpException("length over 2 GiB at offset " + pos);
      }
    }
    if (length <= 55) {
      throw new RlpException("long form for a short item (" + length + " bytes) at offset " + pos);
    }
    return (int) length;
  }

  private void need(int n) {
    if (n > end - pos) {
      throw new RlpException("truncated at offset " + pos);
    }
  }

  /** A reader over the next item, which must be a list. */
  public RlpReader readList() {
    long h = header(Kind.LIST);
    int start = (int) (h >>> 32);
    int length = (int) h;
    pos = start + length;
    return new RlpReader(buf, start, length);
  }

  /** The next item's payload, which must be a string. */
  public byte[] readBytes() {
    long h = header(Kind.STRING);
    int start = (int) (h >>> 32);
    int length = (int) h;
    pos = start + length;
    return Arrays.copyOfRange(buf, start, start + length);
  }

  public Bytes readBytesValue() {
    return Bytes.wrapOwned(readBytes());
  }

  /** The next item in its full encoded form (prefix included). */
  public Bytes readRaw() {
    int from = pos;
    long h = header(null);
    pos = (int) (h >>> 32) + (int) h;
    return Bytes.of(buf, from, pos - from);
  }

  /** Skips the next item. */
  public void skip() {
    long h = header(null);
    pos = (int) (h >>> 32) + (int) h;
  }

  public Hash32 readHash() {
    byte[] b = readBytes();
    if (b.length != 32) {
      throw new RlpException("expected 32-byte hash, got " + b.length + " bytes");
    }
    return Hash32.wrap(b);
  }

  public Address readAddress() {
    byte[] b = readBytes();
    if (b.length != 20) {
      throw new RlpException("expected 20-byte address, got " + b.length + " bytes");
    }
    return Address.wrap(b);
  }

  /** An address, or null for the empty string (contract creation). */
  public Address readOptionalAddress() {
    byte[] b = readBytes();
    if (b.length == 0) {
      return null;
    }
    if (b.length != 20) {
      throw new RlpException("expected empty or 20-byte address, got " + b.length + " bytes");
    }
    return Address.wrap(b);
  }

  /** A canonical unsigned integer of at most 8 bytes, as a u64 in a long. */
  public long readUint64() {
    byte[] b = readBytes();
    if (b.length > 8) {
      throw new RlpException("integer of " + b.length + " bytes does not fit in 64 bits");
    }
    checkCanonicalInteger(b);
    long v = 0;
    for (byte x : b) {
      v = (v << 8) | (x & 0xff);
    }
    return v;
  }

  /** A canonical unsigned integer of at most 32 bytes. */
  public BigInteger readUint256() {
    byte[] b = readBytes();
    if (b.length > 32) {
      throw new RlpException("integer of " + b.length + " bytes exceeds 256 bits");
    }
    checkCanonicalInteger(b);
    return unsigned(b);
  }

  /**
   * A canonical unsigned integer of any length: go-ethereum's {@code *big.Int} fields have no size
   * cap, so decoders that must accept what it accepts (span batch tx values and fees) use this.
   * The length is still bounded by the input, as every string is.
   */
  public BigInteger readBigUnsigned() {
    byte[] b = readBytes();
    checkCanonicalInteger(b);
    return unsigned(b);
  }

  /** {@code new BigInteger(1, b)}, through a long when it fits (most fees, values and chain ids). */
  static BigInteger unsigned(byte[] b) {
    if (b.length >= Long.BYTES) {
      return new BigInteger(1, b);
    }
    long v = 0;
    for (byte x : b) {
      v = (v << 8) | (x & 0xff);
    }
    return BigInteger.valueOf(v);
  }

  /** A boolean encoded as integer 0 or 1. */
  public boolean readBoolean() {
    long v = readUint64();
    if (v > 1) {
      throw new RlpException("boolean out of range: " + v);
    }
    return v == 1;
  }

  private void checkCanonicalInteger(byte[] b) {
    if (b.length > 0 && b[0] == 0) {
      throw new RlpException("integer with leading zero byte before offset " + pos);
    }
  }
}
