package dev.basalt.adapters.p2p.reqresp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.basalt.core.types.Bytes;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The framing format against bytes worked out by hand from the format description (checksums from
 * an independent bitwise CRC-32C, check value {@code crc32c("123456789") = e3069283}).
 */
class SnappyFramedTest {
  @Test
  void aShortIncompressibleInputIsOneStoredChunk() {
    byte[] framed = SnappyFramed.encode("0123456789".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    assertEquals("0xff060000734e61507059" + "010e0000" + "f03abfaf" + "30313233343536373839", Bytes.of(framed).toHex());
  }

  @Test
  void aCompressibleInputIsACompressedChunkWithTheChecksumOfItsPlainBytes() throws Exception {
    byte[] plain = new byte[100];
    Arrays.fill(plain, (byte) 'a');
    byte[] framed = SnappyFramed.encode(plain);
    assertEquals(0x00, framed[10], "compressed chunk");
    assertEquals("0x1fa8b5fd", Bytes.of(Arrays.copyOfRange(framed, 14, 18)).toHex());
    assertArrayEquals(plain, SnappyFramed.decode(framed, 100));
  }

  @Test
  void largeInputsSpanChunksAndRoundTrip() throws Exception {
    byte[] plain = new byte[300_000];
    Random rng = new Random(7);
    for (int i = 1000; i < plain.length; i += 2000) { // random kilobytes between runs of zeros
      byte[] r = new byte[1000];
      rng.nextBytes(r);
      System.arraycopy(r, 0, plain, i, Math.min(1000, plain.length - i));
    }
    byte[] framed = SnappyFramed.encode(plain);
    assertArrayEquals(plain, SnappyFramed.decode(framed, plain.length));
    assertThrows(SnappyFramed.CorruptException.class, () -> SnappyFramed.decode(framed, plain.length - 1), "over the limit");
  }

  @Test
  void corruptStreamsAreRefused() {
    byte[] good = SnappyFramed.encode("0123456789".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    byte[] badCrc = good.clone();
    badCrc[15] ^= 1;
    assertThrows(SnappyFramed.CorruptException.class, () -> SnappyFramed.decode(badCrc, 100));
    assertThrows(SnappyFramed.CorruptException.class, () -> SnappyFramed.decode(Arrays.copyOfRange(good, 10, good.length), 100),
        "no stream identifier");
    assertThrows(SnappyFramed.CorruptException.class, () -> SnappyFramed.decode(Arrays.copyOf(good, good.length - 1), 100),
        "truncated");
    assertThrows(SnappyFramed.CorruptException.class, () -> SnappyFramed.decode(new byte[0], 100), "empty");
  }

  @Test
  void paddingAndSkippableChunksAreSkipped() throws Exception {
    byte[] good = SnappyFramed.encode("0123456789".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    byte[] padded = new byte[good.length + 7];
    System.arraycopy(good, 0, padded, 0, 10);
    padded[10] = (byte) 0xfe;
    padded[11] = 3;
    System.arraycopy(good, 10, padded, 17, good.length - 10);
    assertArrayEquals("0123456789".getBytes(java.nio.charset.StandardCharsets.US_ASCII), SnappyFramed.decode(padded, 100));
  }
}
