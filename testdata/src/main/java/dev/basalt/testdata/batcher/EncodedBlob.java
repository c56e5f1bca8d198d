package dev.basalt.testdata.batcher;

import dev.basalt.core.derive.blob.Blob;
import dev.basalt.core.derive.blob.BlobCodec;

/**
 * A blob {@link BlobCodec#encode} made from {@code dataBytes} bytes of data, with the position from
 * which all its bytes are zero: the encoder fills four 32-byte field elements per 127 bytes of its
 * stream (a version byte, a 3-byte length, then the data), at least one such round, and leaves the
 * rest of the blob as it was allocated. Knowing that, a sidecar trims the blob from its short
 * prefix instead of scanning 128 KiB of zeros (batcher blobs are mostly empty).
 */
public record EncodedBlob(Blob blob, int zeroFrom) {
  /** Bytes of the encoder's stream per round, and of the blob per round (four field elements). */
  private static final int STREAM_BYTES_PER_ROUND = 4 * 31 + 3;
  private static final int BLOB_BYTES_PER_ROUND = 4 * Blob.FIELD_ELEMENT_BYTES;

  /** {@code data} encoded, with its zero tail's start. */
  public static EncodedBlob of(byte[] data) {
    return new EncodedBlob(BlobCodec.encode(data), zeroFrom(data.length));
  }

  /** Where the zero tail of {@code BlobCodec.encode} of {@code dataBytes} bytes starts (the blob's size at most). */
  static int zeroFrom(int dataBytes) {
    int stream = 4 + dataBytes;
    int rounds = Math.max(1, (stream + STREAM_BYTES_PER_ROUND - 1) / STREAM_BYTES_PER_ROUND);
    return Math.min(Blob.SIZE_BYTES, rounds * BLOB_BYTES_PER_ROUND);
  }
}
