package dev.basalt.adapters.p2p.wire;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class WireTest {
  @Test
  void uvarintRoundTrips() throws Exception {
    for (long v : new long[] {0, 1, 127, 128, 300, 65535, 1L << 35, Long.MAX_VALUE >>> 1}) {
      byte[] enc = Uvarint.encode(v);
      assertEquals(Uvarint.size(v), enc.length);
      assertEquals(v, Uvarint.decode(enc, 0, enc.length));
      assertEquals(Uvarint.INCOMPLETE, Uvarint.decode(enc, 0, enc.length - 1));
    }
    byte[] tooLong = new byte[10];
    java.util.Arrays.fill(tooLong, (byte) 0x80);
    assertThrows(WireException.class, () -> Uvarint.decode(tooLong, 0, 10));
  }

  @Test
  void protobufRoundTripSkipsUnknownFields() throws Exception {
    byte[] msg = new ProtoWriter().varint(1, 2).string(7, "skip me").bytes(2, new byte[] {9, 8}).toByteArray();
    ProtoReader r = new ProtoReader(msg);
    assertTrue(r.next());
    assertEquals(2, r.varint());
    assertTrue(r.next());
    assertEquals(7, r.field());
    assertTrue(r.next());
    assertArrayEquals(new byte[] {9, 8}, r.bytes());
    assertEquals(false, r.next());
    assertThrows(WireException.class, () -> {
      ProtoReader bad = new ProtoReader(new byte[] {0x12, 0x7f, 1});
      bad.next();
    });
  }

  @Test
  void lengthPrefixedReaderReassemblesAndBounds() throws Exception {
    LengthPrefixedReader reader = new LengthPrefixedReader(1000);
    byte[] a = LengthPrefixedReader.frame(new byte[300]);
    byte[] b = LengthPrefixedReader.frame(new byte[] {1, 2, 3});
    byte[] all = new byte[a.length + b.length];
    System.arraycopy(a, 0, all, 0, a.length);
    System.arraycopy(b, 0, all, a.length, b.length);
    int got = 0;
    for (int i = 0; i < all.length; i += 7) {
      List<byte[]> out = reader.feed(java.util.Arrays.copyOfRange(all, i, Math.min(all.length, i + 7)));
      got += out.size();
    }
    assertEquals(2, got);
    assertEquals(0, reader.buffered());
    LengthPrefixedReader small = new LengthPrefixedReader(10);
    assertThrows(WireException.class, () -> small.feed(Uvarint.encode(1L << 40)));
  }
}
