package dev.basalt.core.derive.blob;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.basalt.core.derive.blob.BlobDecodeException.Reason;
import dev.basalt.core.types.Bytes;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The exact-size decoder against the straightforward one it replaced (kept below as the
 * reference): the same data for valid blobs, the same reason and message for invalid ones, on
 * seeded random blobs of every shape of damage the encoding rules name.
 */
class BlobCodecReferenceTest {
  private static final int CASES = 3000;

  @Test
  void matchesTheReferenceOnValidAndDamagedBlobs() {
    Random rng = new Random(4844);
    for (int i = 0; i < CASES; i++) {
      int length = lengthFor(rng, i);
      byte[] data = new byte[length];
      rng.nextBytes(data);
      byte[] blob = BlobCodec.encode(data).toArray();
      assertArrayEquals(data, BlobCodec.decode(Blob.of(Bytes.wrapOwned(blob.clone()))), "round trip of " + length + " bytes");
      damage(rng, blob, length, i % 8);
      compare(blob, "case " + i + " (" + length + " bytes, damage " + i % 8 + ")");
    }
  }

  @Test
  void everyLengthAroundRoundBoundariesMatches() {
    Random rng = new Random(7);
    for (int length = 0; length < 1200; length++) {
      byte[] data = new byte[length];
      rng.nextBytes(data);
      byte[] blob = BlobCodec.encode(data).toArray();
      compare(blob, "length " + length);
      // A stray byte in each of the positions right after the data, in stream order.
      for (int extra = 0; extra < 3; extra++) {
        byte[] damaged = blob.clone();
        damaged[Math.min(Blob.SIZE_BYTES - 1, streamToBlob(length + 4 + extra))] |= 0x01;
        compare(damaged, "length " + length + " with a byte " + extra + " past it");
      }
    }
  }

  @Test
  void theLargestLengthAndOneMore() {
    byte[] data = new byte[BlobCodec.MAX_DATA_BYTES];
    new Random(1).nextBytes(data);
    byte[] blob = BlobCodec.encode(data).toArray();
    compare(blob, "full blob");
    blob[2] = (byte) 0x01;
    blob[3] = (byte) 0xfc;
    blob[4] = (byte) 0xfd;
    compare(blob, "length one past the largest");
    assertEquals(Reason.INVALID_LENGTH,
        assertThrows(BlobDecodeException.class, () -> BlobCodec.decode(Blob.wrap(blob))).reason());
  }

  private static int lengthFor(Random rng, int i) {
    return switch (i % 4) {
      case 0 -> rng.nextInt(300);
      case 1 -> rng.nextInt(BlobCodec.MAX_DATA_BYTES + 1);
      case 2 -> BlobCodec.MAX_DATA_BYTES - rng.nextInt(300);
      default -> Math.max(0, Math.min(BlobCodec.MAX_DATA_BYTES, 127 * rng.nextInt(1025) - 4 + rng.nextInt(3) - 1));
    };
  }

  /** The blob index holding stream byte {@code k} (version, u24 length, data) in the encoding. */
  private static int streamToBlob(int k) {
    int round = k / 127;
    int r = k % 127;
    int fe = r / 32;
    int inFe = r % 32;
    if (inFe == 31) {
      return round * 128 + 4 * 32; // x, y, z sit in the first bytes: point at the next round instead
    }
    return round * 128 + fe * 32 + 1 + inFe;
  }

  private static void damage(Random rng, byte[] blob, int length, int kind) {
    int used = Math.max(1, (length + 4 + 126) / 127) * 128;
    switch (kind) {
      case 0 -> { } // valid
      case 1 -> blob[1] = (byte) (1 + rng.nextInt(255)); // bad version
      case 2 -> blob[32 * rng.nextInt(Math.max(1, used / 32))] |= (byte) (0x40 << rng.nextInt(2)); // top bit
      case 3 -> { // stray byte just past the data, inside the last round
        int k = length + 4 + rng.nextInt(4);
        if (k < used / 128 * 127) {
          blob[Math.min(Blob.SIZE_BYTES - 1, streamToBlob(k))] ^= (byte) (1 + rng.nextInt(255));
        }
      }
      case 4 -> { // stray byte after the last field element used
        if (used < Blob.SIZE_BYTES) {
          blob[used + rng.nextInt(Blob.SIZE_BYTES - used)] = (byte) (1 + rng.nextInt(255));
        }
      }
      case 5 -> { // random length field
        blob[2] = (byte) rng.nextInt(3);
        blob[3] = (byte) rng.nextInt(256);
        blob[4] = (byte) rng.nextInt(256);
      }
      case 6 -> { // several random bytes anywhere
        for (int n = 0; n < 1 + rng.nextInt(4); n++) {
          blob[rng.nextInt(Blob.SIZE_BYTES)] = (byte) rng.nextInt(256);
        }
      }
      default -> { // top bits and a stray tail byte together: the top bit must win
        blob[32 * rng.nextInt(Math.max(1, used / 32))] |= (byte) 0x80;
        blob[Blob.SIZE_BYTES - 1] = 1;
      }
    }
  }

  private static void compare(byte[] blob, String what) {
    byte[] expected = null;
    BlobDecodeException expectedFailure = null;
    try {
      expected = Reference.decode(blob);
    } catch (BlobDecodeException e) {
      expectedFailure = e;
    }
    Blob b = Blob.of(Bytes.wrapOwned(blob.clone()));
    if (expectedFailure == null) {
      assertArrayEquals(expected, BlobCodec.decode(b), what);
    } else {
      BlobDecodeException actual = assertThrows(BlobDecodeException.class, () -> BlobCodec.decode(b), what);
      assertEquals(expectedFailure.reason(), actual.reason(), what);
      assertEquals(expectedFailure.getMessage(), actual.getMessage(), what);
    }
  }

  /** The decoder before the exact-size rewrite, on a plain array. */
  private static final class Reference {
    private static final int ENCODING_VERSION = 0;
    private static final int MAX_DATA_BYTES = BlobCodec.MAX_DATA_BYTES;
    private static final int ROUNDS = 1024;
    private static final int FE = 32;
    private static final int ROUND_BYTES = 4 * FE;

    private static int get(byte[] blob, int i) {
      return blob[i] & 0xff;
    }

    private static int firstNonZero(byte[] blob, int from) {
      for (int i = from; i < blob.length; i++) {
        if (blob[i] != 0) {
          return i;
        }
      }
      return -1;
    }

    static byte[] decode(byte[] blobBytes) {
      if (get(blobBytes, 1) != ENCODING_VERSION) {
        throw new BlobDecodeException(Reason.INVALID_VERSION, "expected version 0, got " + get(blobBytes, 1));
      }
      int length = (get(blobBytes, 2) << 16) | (get(blobBytes, 3) << 8) | get(blobBytes, 4);
      if (length > MAX_DATA_BYTES) {
        throw new BlobDecodeException(Reason.INVALID_LENGTH, "length " + length + " exceeds " + MAX_DATA_BYTES);
      }
      // Rounds run while the output is short of the length and write at most one round (128 bytes)
      // past it, so this buffer is never overrun; the length was bounded above, so its size is too.
      // Bytes the rounds never reach stay zero: only out[length, outPos) needs the zero check below.
      byte[] out = new byte[Math.min(MAX_DATA_BYTES, Math.max(ROUND_BYTES, length + ROUND_BYTES))];
      System.arraycopy(blobBytes, 5, out, 0, 27);
      int[] sixBits = new int[4];
      sixBits[0] = get(blobBytes, 0);
      int outPos = 28;
      int inPos = FE;
      for (int j = 1; j < 4; j++) {
        sixBits[j] = decodeFieldElement(blobBytes, inPos, out, outPos);
        outPos += FE;
        inPos += FE;
      }
      outPos = reassemble(sixBits, out, outPos);
      for (int round = 1; round < ROUNDS && outPos < length; round++) {
        for (int j = 0; j < 4; j++) {
          sixBits[j] = decodeFieldElement(blobBytes, inPos, out, outPos);
          outPos += FE;
          inPos += FE;
        }
        outPos = reassemble(sixBits, out, outPos);
      }
      for (int i = length; i < out.length; i++) {
        if (out[i] != 0) {
          throw new BlobDecodeException(Reason.EXTRANEOUS_DATA_FIELD_ELEMENT, "non-zero data byte at " + i + " past length " + length);
        }
      }
      int nonZero = firstNonZero(blobBytes, inPos);
      if (nonZero >= 0) {
        throw new BlobDecodeException(Reason.EXTRANEOUS_DATA, "non-zero blob byte at " + nonZero + " after the last field element used");
      }
      return Arrays.copyOf(out, length);
    }

    /** Copies bytes 1..31 of the element at {@code inPos} to {@code out[outPos..]}; returns byte 0. */
    private static int decodeFieldElement(byte[] blobBytes, int inPos, byte[] out, int outPos) {
      int first = get(blobBytes, inPos);
      if ((first & 0b1100_0000) != 0) {
        throw new BlobDecodeException(Reason.INVALID_FIELD_ELEMENT, "field element " + inPos / FE + " has a top bit set");
      }
      System.arraycopy(blobBytes, inPos + 1, out, outPos, FE - 1);
      return first;
    }

    /**
     * Rebuilds x, y, z from the four 6-bit values into the gaps left after each 31-byte tail; returns
     * the output position after the round (one byte back, because a round yields 127 bytes, not 128).
     */
    private static int reassemble(int[] sixBits, byte[] out, int outPos) {
      int end = outPos - 1;
      int x = (sixBits[0] & 0b0011_1111) | ((sixBits[1] & 0b0011_0000) << 2);
      int y = (sixBits[1] & 0b0000_1111) | ((sixBits[3] & 0b0000_1111) << 4);
      int z = (sixBits[2] & 0b0011_1111) | ((sixBits[3] & 0b0011_0000) << 2);
      out[end - FE] = (byte) z;
      out[end - 2 * FE] = (byte) y;
      out[end - 3 * FE] = (byte) x;
      return end;
    }
  }
}
