package dev.basalt.core.derive.batch;

import dev.basalt.core.codec.BinaryWriter;

/** Writes minimal protobuf-style unsigned varints (Go's {@code binary.PutUvarint}). */
final class Uvarint {
  private Uvarint() {}

  static void write(BinaryWriter out, long value) {
    long v = value;
    while (Long.compareUnsigned(v, 0x80) >= 0) {
      out.u8((int) (v & 0x7f) | 0x80);
      v >>>= 7;
    }
    out.u8((int) v);
  }
}
