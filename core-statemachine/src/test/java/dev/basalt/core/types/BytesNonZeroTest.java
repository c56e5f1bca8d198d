package dev.basalt.core.types;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * {@link Bytes#indexOfNonZero} (bulk compares and the end of the non-zero part kept in the value)
 * against a plain byte loop: all-zero values, a last non-zero byte at every offset modulo 8 and 32
 * and around the 4 KiB chunk edges, scattered non-zero bytes, and many {@code from} positions asked
 * of the same value in any order (the first question fills the cache, later ones read it).
 */
class BytesNonZeroTest {
  private static int byteLoop(byte[] b, int from) {
    for (int i = from; i < b.length; i++) {
      if (b[i] != 0) {
        return i;
      }
    }
    return -1;
  }

  private static void assertAllFroms(byte[] b, SplittableRandom random, String what) {
    Bytes value = Bytes.of(b);
    int[] froms = new int[40];
    for (int k = 0; k < froms.length; k++) {
      froms[k] = switch (k) {
        case 0 -> random.nextInt(b.length + 1);
        case 1 -> 0;
        case 2 -> b.length;
        case 3 -> Math.max(0, b.length - 1);
        default -> random.nextInt(b.length + 1);
      };
    }
    for (int from : froms) {
      assertEquals(byteLoop(b, from), value.indexOfNonZero(from), what + " from " + from);
    }
    int last = -1;
    for (int i = b.length - 1; i >= 0; i--) {
      if (b[i] != 0) {
        last = i;
        break;
      }
    }
    for (int from : new int[] {last, last + 1, Math.max(0, last - 1)}) {
      if (from >= 0 && from <= b.length) {
        assertEquals(byteLoop(b, from), value.indexOfNonZero(from), what + " around the last non-zero byte " + last);
      }
    }
  }

  @Test
  void agreesWithAByteLoop() {
    SplittableRandom random = new SplittableRandom(3);
    int[] lengths = {1, 7, 8, 31, 32, 33, 4095, 4096, 4097, 8192, 131_072};
    for (int length : lengths) {
      assertAllFroms(new byte[length], random, "all zero, " + length);
      for (int k = 0; k < 40; k++) {
        byte[] b = new byte[length];
        int at = switch (k) {
          case 0 -> length - 1;
          case 1 -> 0;
          case 2 -> Math.min(length - 1, 4095);
          case 3 -> Math.min(length - 1, 4096);
          default -> k < 36 ? Math.max(0, length - 1 - (k - 4)) : random.nextInt(length); // every offset mod 32 from the end
        };
        b[at] = (byte) (1 + random.nextInt(255));
        if (k % 3 == 0) {
          for (int extra = random.nextInt(4); extra > 0; extra--) {
            b[random.nextInt(at + 1)] = (byte) (1 + random.nextInt(255));
          }
        }
        assertAllFroms(b, random, "length " + length + " case " + k);
      }
    }
    // A blob-like value: a prefix of data, then zeros, asked from many offsets modulo 8 and 32.
    byte[] blob = new byte[131_072];
    for (int i = 0; i < 1000; i++) {
      blob[i] = (byte) random.nextInt(256);
    }
    blob[999] = 1;
    Bytes value = Bytes.of(blob);
    for (int from = 960; from < 1100; from++) {
      assertEquals(byteLoop(blob, from), value.indexOfNonZero(from), "blob from " + from);
    }
    assertEquals(-1, Bytes.EMPTY.indexOfNonZero(0));
    assertThrows(IndexOutOfBoundsException.class, () -> value.indexOfNonZero(131_073));
    assertThrows(IndexOutOfBoundsException.class, () -> value.indexOfNonZero(-1));
  }
}
