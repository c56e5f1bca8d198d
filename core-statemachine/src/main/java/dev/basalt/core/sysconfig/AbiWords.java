package dev.basalt.core.sysconfig;

import dev.basalt.core.types.Address;
import dev.basalt.core.types.Hash32;

/**
 * Sequential reader of 32-byte ABI words with the strictness of op-node's {@code solabi}: a
 * value of a type narrower than 32 bytes must have zero padding, and reading past the end fails.
 * A failed read returns null, so that the caller maps it to its own rejection reason.
 */
final class AbiWords {
  static final int WORD = 32;

  private final byte[] data;
  private int pos;

  AbiWords(byte[] data) {
    this.data = data;
  }

  int remaining() {
    return data.length - pos;
  }

  /** The next word, or null when fewer than 32 bytes remain. */
  Hash32 word() {
    if (remaining() < WORD) {
      return null;
    }
    Hash32 w = Hash32.wrap(data, pos);
    pos += WORD;
    return w;
  }

  /** The next word as a u64 (24 zero bytes, then 8), or null when absent or wider. */
  Long uint64() {
    byte[] w = wordWithZeroPrefix(WORD - 8);
    if (w == null) {
      return null;
    }
    long v = 0;
    for (int i = WORD - 8; i < WORD; i++) {
      v = (v << 8) | (w[i] & 0xff);
    }
    return v;
  }

  /** The next word as a u16 (30 zero bytes, then 2), or null when absent or wider. */
  Integer uint16() {
    byte[] w = wordWithZeroPrefix(WORD - 2);
    if (w == null) {
      return null;
    }
    return ((w[WORD - 2] & 0xff) << 8) | (w[WORD - 1] & 0xff);
  }

  /** The next word as an address (12 zero bytes, then 20), or null when absent or wider. */
  Address address() {
    byte[] w = wordWithZeroPrefix(WORD - Address.LENGTH);
    return w == null ? null : Address.wrap(w, WORD - Address.LENGTH);
  }

  private byte[] wordWithZeroPrefix(int zeroBytes) {
    Hash32 w = word();
    if (w == null) {
      return null;
    }
    for (int i = 0; i < zeroBytes; i++) {
      if (w.get(i) != 0) {
        return null;
      }
    }
    return w.toArray();
  }
}
