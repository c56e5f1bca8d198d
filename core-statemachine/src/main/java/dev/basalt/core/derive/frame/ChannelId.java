package dev.basalt.core.derive.frame;

import dev.basalt.core.types.Hex;
import java.util.Arrays;

/** The 16-byte opaque identifier a batcher gives a channel; compared by content. */
public final class ChannelId implements Comparable<ChannelId> {
  public static final int LENGTH = 16;

  private final byte[] bytes;

  private ChannelId(byte[] bytes) {
    this.bytes = bytes;
  }

  /** Copies 16 bytes starting at {@code offset}. */
  public static ChannelId wrap(byte[] source, int offset) {
    if (offset < 0 || offset + LENGTH > source.length) {
      throw new IllegalArgumentException("ChannelId needs 16 bytes at offset " + offset);
    }
    return new ChannelId(Arrays.copyOfRange(source, offset, offset + LENGTH));
  }

  /** Copies the 16 given bytes. */
  public static ChannelId wrap(byte[] bytes) {
    if (bytes.length != LENGTH) {
      throw new IllegalArgumentException("ChannelId needs 16 bytes, got " + bytes.length);
    }
    return new ChannelId(bytes.clone());
  }

  /** Parses 32 hex digits, with or without {@code 0x}. */
  public static ChannelId fromHex(String hex) {
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
    return other instanceof ChannelId c && Arrays.equals(bytes, c.bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }

  @Override
  public int compareTo(ChannelId other) {
    return Arrays.compareUnsigned(bytes, other.bytes);
  }

  @Override
  public String toString() {
    return toHex();
  }
}
