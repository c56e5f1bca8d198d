package dev.basalt.core.types;

import java.util.Arrays;

/** A 20-byte Ethereum address, compared by content. */
public final class Address implements Comparable<Address> {
  public static final int LENGTH = 20;
  public static final Address ZERO = new Address(new byte[LENGTH]);

  private final byte[] bytes;

  private Address(byte[] bytes) {
    this.bytes = bytes;
  }

  /** Copies the 20 given bytes. */
  public static Address wrap(byte[] bytes) {
    if (bytes.length != LENGTH) {
      throw new IllegalArgumentException("Address needs 20 bytes, got " + bytes.length);
    }
    return new Address(bytes.clone());
  }

  /** Copies 20 bytes starting at {@code offset}. */
  public static Address wrap(byte[] source, int offset) {
    if (offset < 0 || offset + LENGTH > source.length) {
      throw new IllegalArgumentException("Address needs 20 bytes at offset " + offset);
    }
    return new Address(Arrays.copyOfRange(source, offset, offset + LENGTH));
  }

  /** Parses 40 hex digits, with or without {@code 0x}; checksum case is ignored. */
  public static Address fromHex(String hex) {
    return wrap(Hex.decode(hex));
  }

  public byte[] toArray() {
    return bytes.clone();
  }

  public void copyTo(byte[] target, int offset) {
    System.arraycopy(bytes, 0, target, offset, LENGTH);
  }

  public String toHex() {
    return Hex.encode(bytes);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Address a && Arrays.equals(bytes, a.bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }

  @Override
  public int compareTo(Address other) {
    return Arrays.compareUnsigned(bytes, other.bytes);
  }

  @Override
  public String toString() {
    return toHex();
  }
}
