package dev.basalt.core.types;

import java.util.Arrays;

/** An immutable byte string of any length, compared by content. */
public final class Bytes implements Comparable<Bytes> {
  public static final Bytes EMPTY = new Bytes(new byte[0]);

  /** Compared against in bulk (vectorised) by {@link #indexOfNonZero}. */
  private static final byte[] ZEROS = new byte[4096];

  private final byte[] bytes;
  /** 1 + {@link #nonZeroEnd()}, or 0 until first asked. */
  private int nonZeroEndPlusOne;

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

  /**
   * The index of the first non-zero byte at or after {@code from}, or -1 when all are zero. The end
   * of the non-zero part is computed once per value and kept, so asking again past it (every node
   * of a simulated swarm checks that the shared blob's tail is zero) costs nothing.
   */
  public int indexOfNonZero(int from) {
    java.util.Objects.checkFromToIndex(from, bytes.length, bytes.length);
    if (from >= nonZeroEnd()) {
      return -1;
    }
    for (int at = from; at < bytes.length; at += ZEROS.length) {
      int n = Math.min(ZEROS.length, bytes.length - at);
      int i = Arrays.mismatch(bytes, at, at + n, ZEROS, 0, n);
      if (i >= 0) {
        return at + i;
      }
    }
    return -1;
  }

  /**
   * The index just after the last non-zero byte (0 when all are zero). A value is immutable, so it
   * is cached in the value itself like {@link String#hashCode}: a racy single int, written with
   * the same result by whichever thread computes it first.
   */
  private int nonZeroEnd() {
    int cached = nonZeroEndPlusOne;
    if (cached == 0) {
      cached = scanNonZeroEnd() + 1;
      nonZeroEndPlusOne = cached;
    }
    return cached - 1;
  }

  private int scanNonZeroEnd() {
    for (int to = bytes.length; to > 0; to -= ZEROS.length) {
      int at = Math.max(0, to - ZEROS.length);
      if (Arrays.mismatch(bytes, at, to, ZEROS, 0, to - at) >= 0) {
        int i = to - 1;
        while (bytes[i] == 0) {
          i--;
        }
        return i + 1;
      }
    }
    return 0;
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
