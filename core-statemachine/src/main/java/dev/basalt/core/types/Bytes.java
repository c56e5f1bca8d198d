package dev.basalt.core.types;

import java.util.Arrays;

/** An immutable byte string of any length, compared by content. */
public final class Bytes implements Comparable<Bytes> {
  public static final Bytes EMPTY = new Bytes(new byte[0]);

  /** Compared against in bulk (vectorised) by {@link #indexOfNonZero}. */
  private static final byte[] ZEROS = new byte[4096];

  private final byte[] bytes;

  private Bytes(byte[] bytes) {
    this.bytes = bytes;
  }

  /** Copies the given bytes. */
  public static Bytes of(byte[] bytes) {
    return bytes.length == 0 ? EMPTY : new Bytes(bytes.clone());
  }

  /** Copies {@code length} bytes from {@code offset}. */
  public static Bytes of(byte[] source, int offset, int length) {
    return length == 0 ? EMPTY : new Bytes(Arrays.copyOfRange(source, offset, offset + length));
  }

  /**
   * Takes ownership of {@code bytes} without copying. Only for arrays the caller has just created
   * and never touches again (decoders on hot paths).
   */
  public static Bytes wrapOwned(byte[] bytes) {
    return bytes.length == 0 ? EMPTY : new Bytes(bytes);
  }

  public static Bytes fromHex(String hex) {
    return wrapOwned(Hex.decode(hex));
  }

  public int length() {
    return bytes.length;
  }

  public boolean isEmpty() {
    return bytes.length == 0;
  }

  public byte get(int index) {
    return bytes[index];
  }

  public byte[] toArray() {
    return bytes.clone();
  }

  public void copyTo(byte[] target, int offset) {
    System.arraycopy(bytes, 0, target, offset, bytes.length);
  }

  /** Copies {@code length} bytes from {@code from} into {@code target} at {@code offset}. */
  public void copyTo(int from, byte[] target, int offset, int length) {
    System.arraycopy(bytes, from, target, offset, length);
  }

  /** The index of the first non-zero byte at or after {@code from}, or -1 when all are zero. */
  public int indexOfNonZero(int from) {
    java.util.Objects.checkFromToIndex(from, bytes.length, bytes.length);
    for (int at = from; at < bytes.length; at += ZEROS.length) {
      int n = Math.min(ZEROS.length, bytes.length - at);
      int i = Arrays.mismatch(bytes, at, at + n, ZEROS, 0, n);
      if (i >= 0) {
        return at + i;
      }
    }
    return -1;
  }

  /** A sub-range as a new value. */
  public Bytes slice(int offset, int length) {
    return of(bytes, offset, length);
  }

  public String toHex() {
    return Hex.encode(bytes);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Bytes b && Arrays.equals(bytes, b.bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }

  @Override
  public int compareTo(Bytes other) {
    return Arrays.compareUnsigned(bytes, other.bytes);
  }

  @Override
  public String toString() {
    return bytes.length <= 64 ? toHex() : Hex.encode(bytes, 0, 32) + "...(" + bytes.length + " bytes)";
  }
}
