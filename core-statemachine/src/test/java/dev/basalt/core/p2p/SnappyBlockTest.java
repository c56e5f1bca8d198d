package dev.basalt.core.p2p;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.basalt.core.crypto.Keccak;
import dev.basalt.core.types.Hash32;
import java.util.HexFormat;
import java.util.OptionalLong;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The snappy block codec against messages compressed by op-alloy's encoder (Rust {@code snap}),
 * round trips of seeded data, and the corrupt inputs Go's decoder refuses.
 */
class SnappyBlockTest {
  private static byte[] hex(String s) {
    return HexFormat.of().parseHex(s);
  }

  @Test
  void decodesOpAlloysGossipMessages() throws Exception {
    int n = 0;
    for (String[] row : P2pVectors.rows("opalloy_gossip_messages.txt")) {
      byte[] message = SnappyBlock.decode(hex(row[4]), GossipValidator.MAX_GOSSIP_BYTES);
      assertEquals(Integer.parseInt(row[2]), message.length, "v" + row[0]);
      assertEquals(Hash32.fromHex(row[3]), Keccak.hash(message, 65, message.length - 65), "v" + row[0]);
      n++;
    }
    assertEquals(4, n);
  }

  @Test
  void roundTripsSeededData() throws Exception {
    SplittableRandom rng = new SplittableRandom(42);
    for (int i = 0; i < 300; i++) {
      int size = i < 20 ? i : rng.nextInt(200_000);
      byte[] data = new byte[size];
      // Mix runs, repeats at varied distances and noise so every element kind appears.
      for (int j = 0; j < size; j++) {
        int mode = (j / 97) % 3;
        data[j] = mode == 0 ? (byte) rng.nextInt(256) : mode == 1 ? (byte) 7 : j >= 1000 ? data[j - 1000] : (byte) j;
      }
      byte[] encoded = SnappyBlock.encode(data);
      assertTrue(encoded.length <= SnappyBlock.maxEncodedLength(size));
      assertArrayEquals(data, SnappyBlock.decode(encoded, Integer.MAX_VALUE), "size " + size);
    }
  }

  @Test
  void compressesRepetitiveData() {
    byte[] zeros = new byte[100_000];
    assertTrue(SnappyBlock.encode(zeros).length < 5_000);
  }

  @Test
  void refusesCorruptInput() {
    int max = 1 << 20;
    assertThrows(SnappyBlock.CorruptException.class, () -> SnappyBlock.decode(new byte[0], max), "no header");
    assertThrows(SnappyBlock.CorruptException.class, () -> SnappyBlock.decode(hex("80"), max), "unterminated varint");
    assertEquals(OptionalLong.empty(), SnappyBlock.decodedLength(hex("8080808010")), "more than 32 bits");
    assertThrows(SnappyBlock.CorruptException.class, () -> SnappyBlock.decode(hex("ffffff7f"), max), "declared too large");
    assertThrows(SnappyBlock.CorruptException.class, () -> SnappyBlock.decode(hex("03"), max), "nothing after the header");
    assertThrows(SnappyBlock.CorruptException.class, () -> SnappyBlock.decode(hex("030c616263"), max), "literal overruns");
    assertThrows(SnappyBlock.CorruptException.class, () -> SnappyBlock.decode(hex("05086162630a0000"), max), "copy offset 0");
    assertThrows(SnappyBlock.CorruptException.class, () -> SnappyBlock.decode(hex("0508616263" + "0a0400"), max),
        "copy reaches before the start");
    assertThrows(SnappyBlock.CorruptException.class, () -> SnappyBlock.decode(hex("04046162"), max), "shorter than declared");
  }

  @Test
  void decodesOverlappingCopies() throws Exception {
    // "ab" then copy2(length 6, offset 2) = "abababab".
    assertArrayEquals("abababab".getBytes(java.nio.charset.StandardCharsets.US_ASCII),
        SnappyBlock.decode(hex("08" + "046162" + "160200"), 100));
  }
}
