package dev.basalt.core.codec;

import dev.basalt.core.types.Address;
import dev.basalt.core.types.Bytes;
import dev.basalt.core.types.Hash32;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Reads what {@link BinaryWriter} wrote, checking every bound. */
public final class BinaryReader {
  private final byte[] buf;
  private final int limit;
  private int pos;

  public BinaryReader(byte[] buf) {
    this(buf, 0, buf.length);
  }

  public BinaryReader(byte[] buf, int offset, int length) {
    if (offset < 0 || length < 0 || offset + length > buf.length) {
      throw new IllegalArgumentException("bad range " + offset + "+" + length + " of " + buf.length);
    }
    this.buf = buf;
    this.pos = offset;
    this.limit = offset + length;
  }

  public int position() {
    return pos;
  }

  public int remaining() {
    return limit - pos;
  }

  private void need(int n, String what) {
    if (n < 0 || n > limit - pos) {
      throw new DecodeException(
          "truncated: " + what + " needs " + n + " bytes at offset " + pos + ", " + (limit - pos) + " left");
    }
  }

  public int u8() {
    need(1, "u8");
    return buf[pos++] & 0xff;
  }

  public boolean bool() {
    int v = u8();
    if (v > 1) {
      throw new DecodeException("boolean byte " + v + " at offset " + (pos - 1));
    }
    return v == 1;
  }

  public int i32() {
    need(4, "i32");
    int v = ((buf[pos] & 0xff) << 24) | ((buf[pos + 1] & 0xff) << 16) | ((buf[pos + 2] & 0xff) << 8) | (buf[pos + 3] & 0xff);
    pos += 4;
    return v;
  }

  public long i64() {
    need(8, "i64");
    long v = 0;
    for (int i = 0; i < 8; i++) {
      v = (v << 8) | (buf[pos + i] & 0xff);
    }
    pos += 8;
    return v;
  }

  /** A non-negative i64 (block numbers, timestamps, counts). */
  public long u63(String what) {
    long v = i64();
    if (v < 0) {
      throw new DecodeException(what + " is negative (" + v + ") at offset " + (pos - 8));
    }
    return v;
  }

  /** A length or count in [0, max]. */
  public int count(int max, String what) {
    int n = i32();
    if (n < 0 || n > max) {
      throw new DecodeException(what + " " + n + " out of range [0, " + max + "] at offset " + (pos - 4));
    }
    return n;
  }

  public Hash32 hash() {
    need(Hash32.LENGTH, "hash");
    Hash32 h = Hash32.wrap(buf, pos);
    pos += Hash32.LENGTH;
    return h;
  }

  public Address address() {
    need(Address.LENGTH, "address");
    Address a = Address.wrap(buf, pos);
    pos += Address.LENGTH;
    return a;
  }

  public Bytes bytes() {
    int n = i32();
    need(n, "bytes");
    Bytes b = Bytes.wrapOwned(Arrays.copyOfRange(buf, pos, pos + n));
    pos += n;
    return b;
  }

  public String string() {
    int n = i32();
    need(n, "string");
    String s = new String(buf, pos, n, StandardCharsets.UTF_8);
    pos += n;
    return s;
  }

  /** Enum constant by ordinal, rejecting unknown ordinals. */
  public <E extends Enum<E>> E enumValue(E[] values, String what) {
    int ordinal = u8();
    if (ordinal >= values.length) {
      throw new DecodeException("unknown " + what + " " + ordinal + " at offset " + (pos - 1));
    }
    return values[ordinal];
  }

  /** Throws unless every byte was consumed. */
  public void expectEnd(String what) {
    if (pos != limit) {
      throw new DecodeException(what + ": " + (limit - pos) + " trailing bytes at offset " + pos);
    }
  }
}
