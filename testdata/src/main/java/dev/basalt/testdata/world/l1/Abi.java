package dev.basalt.testdata.world.l1;

import dev.basalt.core.crypto.Keccak;
import dev.basalt.core.types.Address;
import dev.basalt.core.types.Hash32;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;

/** The few Solidity ABI encodings the simulated L1 contracts need, written from the ABI spec. */
final class Abi {
  static final int WORD = 32;

  private Abi() {}

  /** A uint256 word (big-endian, left-padded). */
  static byte[] word(BigInteger v) {
    if (v.signum() < 0 || v.bitLength() > 256) {
      throw new IllegalArgumentException("not a uint256: " + v);
    }
    byte[] raw = v.toByteArray();
    byte[] out = new byte[WORD];
    int n = Math.min(raw.length, WORD);
    System.arraycopy(raw, raw.length - n, out, WORD - n, n);
    return out;
  }

  /** A uint64 held in a long, read unsigned. */
  static byte[] word(long unsigned) {
    return word(new BigInteger(Long.toUnsignedString(unsigned)));
  }

  static byte[] word(Address a) {
    byte[] out = new byte[WORD];
    a.copyTo(out, 12);
    return out;
  }

  /** An address as an indexed event topic. */
  static Hash32 topic(Address a) {
    return Hash32.wrap(word(a));
  }

  static Hash32 topic(long v) {
    return Hash32.wrap(word(v));
  }

  /** {@code abi.encode(bytes)} as the sole argument: offset 32, length, content zero-padded to whole words. */
  static byte[] encodeBytes(byte[] content) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(word(WORD));
    out.writeBytes(word(content.length));
    out.writeBytes(padded(content));
    return out.toByteArray();
  }

  static byte[] padded(byte[] content) {
    byte[] out = new byte[(content.length + WORD - 1) / WORD * WORD];
    System.arraycopy(content, 0, out, 0, content.length);
    return out;
  }

  /** The 4-byte selector of a function signature such as {@code "setGasLimit(uint64)"}. */
  static byte[] selector(String signature) {
    byte[] h = Keccak.hash(signature.getBytes(StandardCharsets.UTF_8)).toArray();
    return new byte[] {h[0], h[1], h[2], h[3]};
  }

  static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] p : parts) {
      out.writeBytes(p);
    }
    return out.toByteArray();
  }
}
