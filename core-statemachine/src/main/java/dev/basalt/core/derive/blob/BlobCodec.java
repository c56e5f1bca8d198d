package dev.basalt.core.derive.blob;

import dev.basalt.core.derive.blob.BlobDecodeException.Reason;

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
  /** Blob bytes one round's four field elements span. */
  private static final int ROUND_BYTES = 4 * FE;
  /** Stream bytes one round yields: four 31-byte tails plus x, y, z. */
  private static final int ROUND_DATA_BYTES = 4 * (FE - 1) + 3;

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
    // op-node runs rounds while its output is short of the length: round r yields stream bytes
    // [127r, 127r + 127), which are data bytes from 127r - 4 on (the stream starts with the version
    // and the u24 length). Only round 0 (the header) and the last round (which may run past the
    // length) go through a scratch round; the others decode straight into the exact-size output.
    int rounds = Math.max(1, (length + 4 + ROUND_DATA_BYTES - 1) / ROUND_DATA_BYTES);
    byte[] out = new byte[length];
    byte[] scratch = new byte[ROUND_DATA_BYTES];
    for (int round = 0; round < rounds; round++) {
      int start = ROUND_DATA_BYTES * round - 4;
      if (round > 0 && start + ROUND_DATA_BYTES <= length) {
        decodeRound(blob, round, out, start);
        continue;
      }
      decodeRound(blob, round, scratch, 0);
      int from = Math.max(0, -start);
      int upTo = Math.min(ROUND_DATA_BYTES, length - start);
      if (upTo > from) {
        System.arraycopy(scratch, from, out, start + from, upTo - from);
      }
      // Only the last round reaches past the length; those decoded bytes must be zero.
      for (int k = Math.max(from, upTo); k < ROUND_DATA_BYTES; k++) {
        if (scratch[k] != 0) {
          throw new BlobDecodeException(Reason.EXTRANEOUS_DATA_FIELD_ELEMENT,
              "non-zero data byte at " + (start + k) + " past length " + length);
        }
      }
    }
    int nonZero = blob.firstNonZero(rounds * ROUND_BYTES);
    if (nonZero >= 0) {
      throw new BlobDecodeException(Reason.EXTRANEOUS_DATA, "non-zero blob byte at " + nonZero + " after the last field element used");
    }
    return out;
  }

  /**
   * Writes the 127 stream bytes of {@code round} to {@code target[at..]}: the four 31-byte tails
   * of its field elements with x, y, z rebuilt from their first bytes into the gaps after the first
   * three. The first byte of field element 0 carries no check (see {@link #decode}).
   */
  private static void decodeRound(Blob blob, int round, byte[] target, int at) {
    int in = round * ROUND_BYTES;
    int s0 = round == 0 ? blob.get(0) : checkedFirstByte(blob, in);
    int s1 = checkedFirstByte(blob, in + FE);
    int s2 = checkedFirstByte(blob, in + 2 * FE);
    int s3 = checkedFirstByte(blob, in + 3 * FE);
    for (int j = 0; j < 4; j++) {
      blob.copyRange(in + j * FE + 1, target, at + j * FE, FE - 1);
    }
    target[at + FE - 1] = (byte) ((s0 & 0b0011_1111) | ((s1 & 0b0011_0000) << 2));
    target[at + 2 * FE - 1] = (byte) ((s1 & 0b0000_1111) | ((s3 & 0b0000_1111) << 4));
    target[at + 3 * FE - 1] = (byte) ((s2 & 0b0011_1111) | ((s3 & 0b0011_0000) << 2));
  }

  /** Byte 0 of the field element at {@code inPos}, whose top two bits must be clear. */
  private static int checkedFirstByte(Blob blob, int inPos) {
    int first = blob.get(inPos);
    if ((first & 0b1100_0000) != 0) {
      throw new BlobDecodeException(Reason.INVALID_FIELD_ELEMENT, "field element " + inPos / FE + " has a top bit set");
    }
    return first;
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
