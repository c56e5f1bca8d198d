package dev.basalt.core.codec;

import dev.basalt.core.types.Address;
import dev.basalt.core.types.Bytes;
import dev.basalt.core.types.Hash32;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** A growable big-endian byte buffer. Reuse one per thread with {@link #reset()}. */
public final class BinaryWriter {
  private byte[] buf;
  private int pos;

  public BinaryWriter() {
    this(256);
  }

  public BinaryWriter(int initialCapacity) {
    buf = new byte[Math.max(16, initialCapacity)];
  }

  public void reset() {
    pos = 0;
  }

  public int size() {
    return pos;
  }

  /** The internal buffer; valid up to {@link #size()} until the next write. */
  public byte[] buffer() {
    return buf;
  }

  public byte[] toByteArray() {
    return Arrays.copyOf(buf, pos);
  }

  private void ensure(int more) {
    if (pos + more > buf.length) {
      int needed = pos + more;
      if (needed < 0) {
        throw new IllegalStateException("encoding exceeds 2 GiB");
      }
      buf = Arrays.copyOf(buf, Math.max(needed, buf.length * 2));
    }
  }

  public BinaryWriter u8(int v) {
    ensure(1);
    buf[pos++] = (byte) v;
    return this;
  }

  public BinaryWriter bool(boolean v) {
    return u8(v ? 1 : 0);
  }

  public BinaryWriter i32(int v) {
    ensure(4);
    buf[pos] = (byte) (v >>> 24);
    buf[pos + 1] = (byte) (v >>> 16);
    buf[pos + 2] = (byte) (v >>> 8);
    buf[pos + 3] = (byte) v;
    pos += 4;
    return this;
  }

  public BinaryWriter i64(long v) {
    ensure(8);
    for (int i = 0; i < 8; i++) {
      buf[pos + i] = (byte) (v >>> (56 - 8 * i));
    }
    pos += 8;
    return this;
  }

  /** Overwrites 4 bytes at {@code at} (for length fields written after their content). */
  public void patchI32(int at, int v) {
    buf[at] = (byte) (v >>> 24);
    buf[at + 1] = (byte) (v >>> 16);
    buf[at + 2] = (byte) (v >>> 8);
    buf[at + 3] = (byte) v;
  }

  public BinaryWriter raw(byte[] src, int off, int len) {
    ensure(len);
    System.arraycopy(src, off, buf, pos, len);
    pos += len;
    return this;
  }

  public BinaryWriter hash(Hash32 h) {
    ensure(Hash32.LENGTH);
    h.copyTo(buf, pos);
    pos += Hash32.LENGTH;
    return this;
  }

  public BinaryWriter address(Address a) {
    ensure(Address.LENGTH);
    a.copyTo(buf, pos);
    pos += Address.LENGTH;
    return this;
  }

  /** u32 length then the bytes. */
  public BinaryWriter bytes(Bytes b) {
    i32(b.length());
    ensure(b.length());
    b.copyTo(buf, pos);
    pos += b.length();
    return this;
  }

  /** u32 length then UTF-8. */
  public BinaryWriter string(String s) {
    byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
    i32(utf8.length);
    return raw(utf8, 0, utf8.length);
  }
}
