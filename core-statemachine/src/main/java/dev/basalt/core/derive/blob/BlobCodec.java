package dev.basalt.core.derive.blob;

import dev.basalt.core.derive.blob.BlobDecodeException.Reason;
import java.util.Arrays;

/**
 * Encodes rollup data into a blob and back. Each round packs 127 data bytes into 4 field elements:
 * four 31-byte tails fill bytes 1..31 of each element, and three bytes x, y, z are split into four
 * 6-bit values that fill byte 0 of each element (keeping the top two bits zero). Round 0 starts
 * with the version byte and the u24 length in place of the first four data bytes.
 */
public final class BlobCodec {
  public static final int ENCODING_VERSION = 0;
  /** (4 * 31 + 3) * 1024 - 4: capacity of one blob in rollup data bytes. */
  public static final int MAX_DATA_BYTES = (4 * 31 + 3) * 1024 - 4;

  private static final int ROUNDS = 1024;
  private static final int FE = Blob.FIELD_ELEMENT_BYTES;
  /** Output bytes one round's four field elements span before reassembly. */
  private static final int ROUND_BYTES = 4 * FE;

  private BlobCodec() {}

  /**
   * Decodes a blob into its rollup data, exactly as op-node's {@code Blob.ToData}.
   *
   * <p>Like op-node and kona (and unlike the spec's wording), the top two bits of field element 0's
   * first byte are not checked: its low six bits are data and the top two are ignored. Checking them
   * would reject blobs that both reference nodes accept.
   */
  public static byte[] decode(Blob blob) {
    if (blob.get(1) != ENCODING_VERSION) {
      throw new BlobDecodeException(Reason.INVALID_VERSION, "expected version 0, got " + blob.get(1));
    }
    int length = (blob.get(2) << 16) | (blob.get(3) << 8) | blob.get(4);
    if (length > MAX_DATA_BYTES) {
      throw new BlobDecodeException(Reason.INVALID_LENGTH, "length " + length + " exceeds " + MAX_DATA_BYTES);
    }
    // Rounds run while the output is short of the length and write at most one round (128 bytes)
    // past it, so this buffer is never overrun; the length was bounded above, so its size is too.
    // Bytes the rounds never reach stay zero: only out[length, outPos) needs the zero check below.
    byte[] out = new byte[Math.min(MAX_DATA_BYTES, Math.max(ROUND_BYTES, length + ROUND_BYTES))];
    blob.copyRange(5, out, 0, 27);
    int[] sixBits = new int[4];
    sixBits[0] = blob.get(0);
    int outPos = 28;
    int inPos = FE;
    for (int j = 1; j < 4; j++) {
      sixBits[j] = decodeFieldElement(blob, inPos, out, outPos);
      outPos += FE;
      inPos += FE;
    }
    outPos = reassemble(sixBits, out, outPos);
    for (int round = 1; round < ROUNDS && outPos < length; round++) {
      for (int j = 0; j < 4; j++) {
        sixBits[j] = decodeFieldElement(blob, inPos, out, outPos);
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
    int nonZero = blob.firstNonZero(inPos);
    if (nonZero >= 0) {
      throw new BlobDecodeException(Reason.EXTRANEOUS_DATA, "non-zero blob byte at " + nonZero + " after the last field element used");
    }
    return Arrays.copyOf(out, length);
  }

  /** Copies bytes 1..31 of the element at {@code inPos} to {@code out[outPos..]}; returns byte 0. */
  private static int decodeFieldElement(Blob blob, int inPos, byte[] out, int outPos) {
    int first = blob.get(inPos);
    if ((first & 0b1100_0000) != 0) {
      throw new BlobDecodeException(Reason.INVALID_FIELD_ELEMENT, "field element " + inPos / FE + " has a top bit set");
    }
    blob.copyRange(inPos + 1, out, outPos, FE - 1);
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

  /** Encodes up to {@link #MAX_DATA_BYTES} bytes (op-node's {@code Blob.FromData}). */
  public static Blob encode(byte[] data) {
    if (data.length > MAX_DATA_BYTES) {
      throw new IllegalArgumentException("too much data for one blob: " + data.length + " > " + MAX_DATA_BYTES);
    }
    byte[] blob = new byte[Blob.SIZE_BYTES];
    // The data stream as the encoder reads it: version, u24 length, then the data itself.
    byte[] stream = new byte[4 + data.length];
    stream[0] = ENCODING_VERSION;
    stream[1] = (byte) (data.length >>> 16);
    stream[2] = (byte) (data.length >>> 8);
    stream[3] = (byte) data.length;
    System.arraycopy(data, 0, stream, 4, data.length);
    int read = 0;
    int write = 0;
    for (int round = 0; round < ROUNDS && (round == 0 || read < stream.length); round++) {
      int tailA = read;
      int x = byteAt(stream, read + 31);
      int tailB = read + 32;
      int y = byteAt(stream, read + 63);
      int tailC = read + 64;
      int z = byteAt(stream, read + 95);
      int tailD = read + 96;
      write = writeElement(blob, write, x & 0b0011_1111, stream, tailA);
      write = writeElement(blob, write, (y & 0b0000_1111) | ((x & 0b1100_0000) >>> 2), stream, tailB);
      write = writeElement(blob, write, z & 0b0011_1111, stream, tailC);
      write = writeElement(blob, write, ((z & 0b1100_0000) >>> 2) | ((y & 0b1111_0000) >>> 4), stream, tailD);
      read += 127;
    }
    return Blob.wrapOwned(blob);
  }

  private static int byteAt(byte[] stream, int index) {
    return index < stream.length ? stream[index] & 0xff : 0;
  }

  private static int writeElement(byte[] blob, int write, int sixBits, byte[] stream, int tailFrom) {
    blob[write] = (byte) sixBits;
    int n = Math.min(31, stream.length - tailFrom);
    if (n > 0) {
      System.arraycopy(stream, tailFrom, blob, write + 1, n);
    }
    return write + FE;
  }
}
