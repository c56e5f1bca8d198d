package dev.basalt.core.rlp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.basalt.core.types.Hex;
import java.math.BigInteger;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RlpTest {
  private static byte[] hex(String h) {
    return Hex.decode(h);
  }

  @Test
  void encodesTheYellowPaperExamples() {
    assertEquals("0x83646f67", Hex.encode(new RlpWriter().bytes("dog".getBytes()).toByteArray()));
    assertEquals(
        "0xc88363617483646f67",
        Hex.encode(new RlpWriter().startList().bytes("cat".getBytes()).bytes("dog".getBytes()).endList().toByteArray()));
    assertEquals("0x80", Hex.encode(new RlpWriter().bytes(new byte[0]).toByteArray()));
    assertEquals("0xc0", Hex.encode(new RlpWriter().startList().endList().toByteArray()));
    assertEquals("0x80", Hex.encode(new RlpWriter().uint64(0).toByteArray()));
    assertEquals("0x0f", Hex.encode(new RlpWriter().uint64(15).toByteArray()));
    assertEquals("0x820400", Hex.encode(new RlpWriter().uint64(1024).toByteArray()));
    // [ [], [[]], [ [], [[]] ] ]
    RlpWriter w = new RlpWriter().startList();
    w.startList().endList();
    w.startList().startList().endList().endList();
    w.startList().startList().endList().startList().startList().endList().endList().endList();
    w.endList();
    assertEquals("0xc7c0c1c0c3c0c1c0", Hex.encode(w.toByteArray()));
    byte[] lorem = "Lorem ipsum dolor sit amet, consectetur adipisicing elit".getBytes();
    assertEquals("0xb838", Hex.encode(new RlpWriter().bytes(lorem).toByteArray()).substring(0, 6));
  }

  @Test
  void rejectsNonCanonicalEncodings() {
    assertThrows(RlpException.class, () -> new RlpReader(hex("8100")).readBytes(), "wrapped single byte");
    assertThrows(RlpException.class, () -> new RlpReader(hex("8105")).readBytes(), "wrapped single byte");
    assertThrows(RlpException.class, () -> new RlpReader(hex("b80100")).readBytes(), "long form for 1 byte");
    assertThrows(RlpException.class, () -> new RlpReader(hex("b90037" + "00".repeat(55))).readBytes(), "leading zero length");
    assertThrows(RlpException.class, () -> new RlpReader(hex("820001")).readUint64(), "integer with leading zero");
    assertThrows(RlpException.class, () -> new RlpReader(hex("00")).readUint64(), "zero as 0x00");
    assertThrows(RlpException.class, () -> new RlpReader(hex("f800")).readList(), "long list form for empty");
    assertThrows(RlpException.class, () -> new RlpReader(hex("83646f")).readBytes(), "truncated");
    assertThrows(RlpException.class, () -> new RlpReader(hex("c2")).readList(), "truncated list");
    RlpReader twoItems = new RlpReader(hex("0102"));
    twoItems.readBytes();
    assertThrows(RlpException.class, twoItems::expectEnd, "trailing item");
    assertThrows(RlpException.class, () -> new RlpReader(hex("c0")).readBytes(), "list where a string is expected");
    assertThrows(RlpException.class, () -> new RlpReader(hex("89010000000000000000")).readUint64(), "over 64 bits");
  }

  @Test
  void randomStructuresRoundTrip() {
    SplittableRandom random = new SplittableRandom(7);
    for (int i = 0; i < 2_000; i++) {
      long n = random.nextLong() >>> random.nextInt(64);
      byte[] data = new byte[random.nextInt(0, 300)];
      random.nextBytes(data);
      BigInteger big = new BigInteger(random.nextInt(1, 257), new java.util.Random(i));
      byte[] encoded =
          new RlpWriter().startList().uint64(n).bytes(data).startList().uint256(big).endList().endList().toByteArray();
      RlpReader list = new RlpReader(encoded).readList();
      assertEquals(n, list.readUint64());
      assertArrayEquals(data, list.readBytes());
      RlpReader inner = list.readList();
      assertEquals(big, inner.readUint256());
      inner.expectEnd();
      list.expectEnd();
    }
  }

  @Test
  void rawReturnsTheFullEncodingOfAnItem() {
    byte[] encoded = new RlpWriter().startList().bytes("cat".getBytes()).startList().uint64(5).endList().endList().toByteArray();
    RlpReader list = new RlpReader(encoded).readList();
    list.skip();
    assertEquals("0xc105", list.readRaw().toHex());
  }
}
