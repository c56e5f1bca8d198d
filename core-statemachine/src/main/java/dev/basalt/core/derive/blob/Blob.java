package dev.basalt.core.derive.blob;

import dev.basalt.core.types.Hex;
import java.util.Arrays;

/** One EIP-4844 blob: exactly {@link #SIZE_BYTES} bytes, compared by content. */
public final class Blob {
  public static final int FIELD_ELEMENTS = 4096;
  public static final int FIELD_ELEMENT_BYTES = 32;
  public static final int SIZE_BYTES = FIELD_ELEMENTS * FIELD_ELEMENT_BYTES;

  /** Compared against in bulk (vectorised) when checking a blob's unused tail. */
  private static final byte[] ZEROS = new byte[SIZE_BYTES];

  private final byte[] bytes;

  private Blob(byte[] bytes) {
    this.bytes = bytes;
  }

  /** Copies a full 131,072-byte blob. */
  public static Blob wrap(byte[] bytes) {
    if (bytes.length != SIZE_BYTES) {
      throw new IllegalArgumentException("a blob is " + SIZE_BYTES + " bytes, got " + bytes.length);
    }
    return new Blob(bytes.clone());
  }

  /** A blob whose first bytes are {@code prefix} and the rest zero (test vectors give prefixes). */
  public static Blob fromPrefix(byte[] prefix) {
    if (prefix.length > SIZE_BYTES) {
      throw new IllegalArgumentException("prefix longer than a blob: " + prefix.length);
    }
    return new Blob(Arrays.copyOf(prefix, SIZE_BYTES));
  }

  /** Takes ownership of a freshly built array (encoder use only). */
  static Blob wrapOwned(byte[] bytes) {
    return new Blob(bytes);
  }

  /** The byte at {@code index}. */
  public int get(int index) {
    return bytes[index] & 0xff;
  }

  /** Copies {@code length} bytes from {@code from} into {@code target} at {@code offset}. */
  void copyRange(int from, byte[] target, int offset, int length) {
    System.arraycopy(bytes, from, target, offset, length);
  }

  /** The index of the first non-zero byte at or after {@code from}, or -1 when all are zero. */
  int firstNonZero(int from) {
    int i = Arrays.mismatch(bytes, from, SIZE_BYTES, ZEROS, 0, SIZE_BYTES - from);
    return i < 0 ? -1 : from + i;
  }

  public byte[] toArray() {
    return bytes.clone();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Blob b && Arrays.equals(bytes, b.bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }

  @Override
  public String toString() {
    return "Blob[" + Hex.encode(bytes, 0, 8) + "...]";
  }
}
