package dev.basalt.core.derive.channel;

import dev.basalt.core.codec.DecodeException;
import dev.basalt.core.derive.batch.BatchCodec;
import dev.basalt.core.derive.batch.BatchData;
import java.util.Arrays;

/**
 * Reads the batches out of one channel, streaming: each {@link #next()} decompresses just enough
 * for the next RLP byte string and decodes it as a typed batch (op-node's {@code BatchReader} on an
 * {@code rlp.Stream} limited to {@code MAX_RLP_BYTES_PER_CHANNEL}).
 *
 * <p>op-node semantics kept here: the byte limit counts every RLP byte consumed (headers and
 * payloads, across all batches); a batch whose end would pass it is not read. Any failure - bad
 * compression, truncated or corrupt stream, non-canonical RLP, an RLP list, a malformed or unknown
 * batch - ends the channel; the batches returned before it stay valid, and a partial trailing batch
 * is dropped. One corner differs: Go's buffered reader may hand a complete final batch over
 * together with a stream error and then drop it; this reader always returns a batch whose bytes
 * all decompressed.
 */
public final class ChannelBatchReader implements AutoCloseable {
  private static final int CHUNK_BYTES = 32 * 1024;
  private static final int FIRST_PAYLOAD_BYTES = 64 * 1024;

  private final long limit;
  private final ChannelCompression compression;
  private DecompressedStream stream;
  private BatchRead.End end;
  /** Decompressed bytes not yet consumed: [chunkPos, chunkLen); may be shared with later readers. */
  private final byte[] chunk;
  private int chunkPos;
  private int chunkLen;
  /** Decompressed bytes pulled out of the stream so far (never more than the limit). */
  private long pulled;
  /** Bytes consumed by RLP items so far: op-node's rlp.Stream count against the limit. */
  private long consumed;
  /** True once a read stopped at the limit rather than at the end of the data. */
  private boolean limitHit;

  private ChannelBatchReader(long limit, ChannelCompression compression, DecompressedStream stream, BatchRead.End end,
      byte[] chunk) {
    this.chunk = chunk;
    this.limit = limit;
    this.compression = compression;
    this.stream = stream;
    this.end = end;
  }

  /** Prepares to read {@code channelData}; problems with it surface as the first {@link #next()}. */
  public static ChannelBatchReader open(byte[] channelData, ChannelLimits limits) {
    return open(channelData, limits, newChunk());
  }

  /** A buffer for {@link #open(byte[], ChannelLimits, byte[])}. */
  public static byte[] newChunk() {
    return new byte[CHUNK_BYTES];
  }

  /**
   * As {@link #open(byte[], ChannelLimits)}, decompressing into {@code chunk} (from {@link
   * #newChunk()}) instead of a fresh 32 KiB buffer: for a caller that reads one channel at a time
   * and never touches a reader again once it opened the next. What a chunk held before is never
   * read: a reader reads only what it decompressed into it itself.
   */
  public static ChannelBatchReader open(byte[] channelData, ChannelLimits limits, byte[] chunk) {
    if (chunk.length != CHUNK_BYTES) {
      throw new IllegalArgumentException("a chunk is " + CHUNK_BYTES + " bytes, got " + chunk.length);
    }
    if (channelData.length == 0) {
      return ended(limits, ChannelEnd.EMPTY, "no channel data");
    }
    int first = channelData[0] & 0xff;
    ChannelCompression c = ChannelCompression.detect(first);
    if (c == null) {
      return ended(limits, ChannelEnd.UNKNOWN_COMPRESSION, "first byte 0x" + Integer.toHexString(first));
    }
    if (c == ChannelCompression.BROTLI && !limits.brotliAllowed()) {
      return ended(limits, ChannelEnd.BROTLI_BEFORE_FJORD, "brotli channel before Fjord");
    }
    DecompressedStream s = c == ChannelCompression.ZLIB ? ZlibStream.open(channelData) : BrotliStream.open(channelData);
    return new ChannelBatchReader(limits.maxRlpBytes(), c, s, null, chunk);
  }

  private static ChannelBatchReader ended(ChannelLimits limits, ChannelEnd reason, String detail) {
    return new ChannelBatchReader(limits.maxRlpBytes(), null, null, new BatchRead.End(reason, detail), new byte[0]);
  }

  /** The channel's compression, or null when it was not recognised. */
  public ChannelCompression compression() {
    return compression;
  }

  /** Decompressed bytes consumed by batches so far. */
  public long consumedBytes() {
    return consumed;
  }

  /** The next batch, or the end of the channel (returned again on every later call). */
  public BatchRead next() {
    if (end != null) {
      return end;
    }
    BatchRead read = readBatch();
    if (read instanceof BatchRead.End e) {
      end = e;
      close();
    }
    return read;
  }

  private BatchRead readBatch() {
    if (consumed >= limit) {
      return new BatchRead.End(ChannelEnd.RLP_LIMIT, "limit of " + limit + " bytes reached");
    }
    int prefix = nextByte();
    if (prefix < 0) {
      return streamEnd(ChannelEnd.EXHAUSTED, "end of channel data");
    }
    if (prefix < 0x80) {
      return decode(new byte[] {(byte) prefix}, 1);
    }
    if (prefix >= 0xc0) {
      return new BatchRead.End(ChannelEnd.MALFORMED_RLP, "expected an RLP string, found a list");
    }
    long size = prefix <= 0xb7 ? prefix - 0x80 : readLongLength(prefix - 0xb7);
    if (size < 0) {
      return size == -1
          ? streamEnd(ChannelEnd.MALFORMED_RLP, "RLP length cut short")
          : new BatchRead.End(ChannelEnd.MALFORMED_RLP, "non-canonical RLP length");
    }
    if (size > limit - consumed) {
      return new BatchRead.End(ChannelEnd.RLP_LIMIT, "batch of " + size + " bytes crosses the limit of " + limit);
    }
    byte[] payload = readPayload((int) size);
    if (payload == null) {
      return streamEnd(ChannelEnd.MALFORMED_RLP, "batch cut short");
    }
    if (size == 1 && (payload[0] & 0xff) < 0x80) {
      return new BatchRead.End(ChannelEnd.MALFORMED_RLP, "single byte wrapped in a string header");
    }
    return decode(payload, (int) size);
  }

  private BatchRead decode(byte[] payload, int length) {
    try {
      BatchData batch = BatchCodec.decode(payload, 0, length);
      return new BatchRead.Batch(batch, compression);
    } catch (DecodeException e) {
      return new BatchRead.End(ChannelEnd.MALFORMED_BATCH, e.getMessage());
    }
  }

  /** The end to report when the stream ran dry: its own failure, if it had one. */
  private BatchRead.End streamEnd(ChannelEnd otherwise, String detail) {
    if (limitHit) {
      return new BatchRead.End(ChannelEnd.RLP_LIMIT, "limit of " + limit + " bytes reached inside a batch");
    }
    String failure = stream == null ? null : stream.failure();
    return failure != null ? new BatchRead.End(ChannelEnd.DECOMPRESSION_FAILED, failure) : new BatchRead.End(otherwise, detail);
  }

  /**
   * Reads a long-form length of {@code lenOfLen} bytes; -1 when the stream ends first, -2 when the
   * length is not canonical (leading zero or under 56), and {@code Long.MAX_VALUE} when it is too
   * large to matter (it will fail the limit check).
   */
  private long readLongLength(int lenOfLen) {
    long size = 0;
    for (int i = 0; i < lenOfLen; i++) {
      int b = nextByte();
      if (b < 0) {
        return -1;
      }
      if (i == 0 && b == 0) {
        return -2;
      }
      size = size > (Long.MAX_VALUE >>> 8) ? Long.MAX_VALUE : (size << 8) | b;
    }
    return size < 56 ? -2 : size;
  }

  /** The next decompressed byte, counted against the limit by the caller's check; -1 at the end. */
  private int nextByte() {
    if (chunkPos == chunkLen && !fill()) {
      return -1;
    }
    consumed++;
    return chunk[chunkPos++] & 0xff;
  }

  /** Reads exactly {@code size} bytes, growing the buffer only as data actually arrives. */
  private byte[] readPayload(int size) {
    byte[] out = new byte[Math.min(size, FIRST_PAYLOAD_BYTES)];
    int have = 0;
    while (have < size) {
      if (chunkPos == chunkLen && !fill()) {
        return null;
      }
      int n = Math.min(size - have, chunkLen - chunkPos);
      if (have + n > out.length) {
        out = Arrays.copyOf(out, (int) Math.min(size, Math.max((long) out.length * 2, have + n)));
      }
      System.arraycopy(chunk, chunkPos, out, have, n);
      chunkPos += n;
      have += n;
      consumed += n;
    }
    return out;
  }

  /** Refills the chunk, never pulling the stream past the limit; false when nothing more comes. */
  private boolean fill() {
    long allowed = limit - pulled;
    if (allowed <= 0) {
      limitHit = true;
      return false;
    }
    if (stream == null) {
      return false;
    }
    int n = stream.read(chunk, 0, (int) Math.min(CHUNK_BYTES, allowed));
    if (n <= 0) {
      return false;
    }
    pulled += n;
    chunkPos = 0;
    chunkLen = n;
    return true;
  }

  @Override
  public void close() {
    if (stream != null) {
      stream.close();
    }
  }
}
