package dev.basalt.core.derive.batch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.basalt.core.codec.BinaryWriter;
import dev.basalt.core.codec.DecodeException;
import org.junit.jupiter.api.Test;

/** Bitlists and varints, the two span-batch wire primitives. */
class SpanWirePrimitivesTest {
  @Test
  void bitlistIsABigEndianIntegerPaddedToWholeBytes() {
    // Bits 1, 6, 8 and 15 set: 0x8142 (kona's "bitlist_big_endian_zero_extended" layout).
    boolean[] bits = new boolean[16];
    bits[1] = bits[6] = bits[8] = bits[15] = true;
    SpanBits b = SpanBits.of(bits);
    BinaryWriter w = new BinaryWriter();
    b.write(w);
    assertArrayEquals(new byte[] {(byte) 0x81, 0x42}, w.toByteArray());
    assertEquals(4, b.count());
    assertTrue(b.get(15));
    assertFalse(b.get(14));
    assertEquals(b, SpanBits.read(new WireReader(w.toByteArray(), 0, 2), 16, "bits"));
  }

  @Test
  void bitlistRejectsBitsBeyondItsLengthAndShortInput() {
    assertThrows(DecodeException.class, () -> SpanBits.read(new WireReader(new byte[] {0x08}, 0, 1), 3, "bits"));
    assertEquals(3, SpanBits.read(new WireReader(new byte[] {0x07}, 0, 1), 3, "bits").length());
    assertThrows(DecodeException.class, () -> SpanBits.read(new WireReader(new byte[] {0}, 0, 1), 9, "bits"));
    assertEquals(0, SpanBits.read(new WireReader(new byte[0], 0, 0), 0, "bits").length());
  }

  @Test
  void varintsMatchGo() {
    long[] values = {0, 1, 127, 128, 300, 1L << 35, Long.MAX_VALUE, -1L};
    for (long v : values) {
      BinaryWriter w = new BinaryWriter();
      Uvarint.write(w, v);
      byte[] b = w.toByteArray();
      assertEquals(v, new WireReader(b, 0, b.length).uvarint("v"));
    }
    BinaryWriter max = new BinaryWriter();
    Uvarint.write(max, -1L);
    assertArrayEquals(
        new byte[] {(byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, 0x01},
        max.toByteArray());
    assertEquals(5, new WireReader(new byte[] {(byte) 0x85, (byte) 0x80, 0x00}, 0, 3).uvarint("padded"));
    assertThrows(DecodeException.class, () -> new WireReader(new byte[] {(byte) 0x80}, 0, 1).uvarint("cut"));
    assertThrows(DecodeException.class, () -> new WireReader(new byte[0], 0, 0).uvarint("empty"));
  }
}
