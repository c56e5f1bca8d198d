package dev.basalt.core.types;

import java.util.Arrays;

/** A 32-byte hash (block hash, tx hash, state root, ...), compared by content. */
public final class Hash32 implements Comparable<Hash32> {
  public static final int LENGTH = 32;
  public static final Hash32 ZERO = new Hash32(new byte[LENGTH]);

  private final byte[] bytes;

  private Hash32(byte[] bytes) {
    this.bytes = bytes;
  }

  /** Copies the 32 given bytes. */
  public static Hash32 wrap(byte[] bytes) {
    if (bytes.length != LENGTH) {
      throw new IllegalArgumentException("Hash32 needs 32 bytes, got " + bytes.length);
    }
    return new Hash32(bytes.clone());
  }

  /** Copies 32 bytes starting at {@code offset}. */
  public static Hash32 wrap(byte[] source, int offset) {
    if (offset < 0 || offset + LENGTH > source.length) {
      throw new IllegalArgumentException("Hash32 needs 32 bytes at offset " + offset);
    }
    return new Hash32(Arrays.copyOfRange(source, offset, offset + LENGTH));
  }

  /** Parses 64 hex digits, with or without {@code 0x}. */
  public static Hash32 fromHex(String hex) {
    return wrap(Hex.decode(hex));
  }

  /** A copy of the bytes. */
  public byte[] toArray() {
    return bytes.clone();
  }

  /** Copies the bytes into {@code target} at {@code offset}. */
  public void copyTo(byte[] target, int offset) {
    System.arraycopy(bytes, 0, target, offset, LENGTH);
  }

  /** The byte at {@code index}. */
  public byte get(int index) {
    return bytes[index];
  }

  public boolean isZero() {
    for (byte b : bytes) {
      if (b != 0) {
        return false;
      }
    }
    return true;
  }

  public String toHex() {
    return Hex.encode(bytes);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Hash32 h && Arrays.equals(bytes, h.bytes);
  }

  @Override
  public int hashCode() {
    // Hashes are uniformly distributed, so the first four bytes make a good hash code.
    return (bytes[0] << 24) | ((bytes[1] & 0xff) << 16) | ((bytes[2] & 0xff) << 8) | (bytes[3] & 0xff);
  }

  @Override
  public int compareTo(Hash32 other) {
    return Arrays.compareUnsigned(bytes, other.bytes);
  }

  @Override
  public String toString() {
    return toHex();
  }
}
