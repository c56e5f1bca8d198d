package dev.basalt.core.derive.blob;

import dev.basalt.core.types.Bytes;
import java.util.Arrays;

/** One EIP-4844 blob: exactly {@link #SIZE_BYTES} bytes, compared by content. */
public final class Blob {
  public static final int FIELD_ELEMENTS = 4096;
  public static final int FIELD_ELEMENT_BYTES = 32;
  public static final int SIZE_BYTES = FIELD_ELEMENTS * FIELD_ELEMENT_BYTES;

  /** Immutable, so a blob can share the bytes it was handed as a value (no 128 KiB copy). */
  private final Bytes bytes;

  private Blob(Bytes bytes) {
    this.bytes = bytes;
  }

  /** Copies a full 131,072-byte blob. */
  public static Blob wrap(byte[] bytes) {
    checkSize(bytes.length);
    return new Blob(Bytes.of(bytes));
  }

  /** A full 131,072-byte blob sharing the immutable {@code bytes} (no copy). */
  public static Blob of(Bytes bytes) {
    checkSize(bytes.length());
    return new Blob(bytes);
  }

  private static void checkSize(int length) {
    if (length != SIZE_BYTES) {
      throw new IllegalArgumentException("a blob is " + SIZE_BYTES + " bytes, got " + length);
    }
  }

  /** A blob whose first bytes are {@code prefix} and the rest zero (test vectors give prefixes). */
  public static Blob fromPrefix(byte[] prefix) {
    if (prefix.length > SIZE_BYTES) {
      throw new IllegalArgumentException("prefix longer than a blob: " + prefix.length);
    }
    return new Blob(Bytes.wrapOwned(Arrays.copyOf(prefix, SIZE_BYTES)));
  }

  /** Takes ownership of a freshly built array (encoder use only). */
  static Blob wrapOwned(byte[] bytes) {
    return new Blob(Bytes.wrapOwned(bytes));
  }

  /** The byte at {@code index}. */
  public int get(int index) {
    return bytes.get(index) & 0xff;
  }

  /** Copies {@code length} bytes from {@code from} into {@code target} at {@code offset}. */
  void copyRange(int from, byte[] target, int offset, int length) {
    bytes.copyTo(from, target, offset, length);
  }

  /** The index of the first non-zero byte at or after {@code from}, or -1 when all are zero. */
  int firstNonZero(int from) {
    return bytes.indexOfNonZero(from);
  }

  public byte[] toArray() {
    return bytes.toArray();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Blob b && bytes.equals(b.bytes);
  }

  @Override
  public int hashCode() {
    return bytes.hashCode();
  }

  @Override
  public String toString() {
    return "Blob[" + bytes.slice(0, 8).toHex() + "...]";
  }
}
