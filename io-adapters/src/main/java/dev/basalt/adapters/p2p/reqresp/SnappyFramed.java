package dev.basalt.adapters.p2p.reqresp;

import dev.basalt.core.p2p.SnappyBlock;
import java.io.ByteArrayOutputStream;
import java.util.zip.CRC32C;

/**
 * The snappy framing format (Go {@code snappy.NewBufferedWriter} / {@code NewReader}, which op-node's
 * req/resp uses, unlike gossip's block format): a stream identifier chunk, then chunks of at most
 * 64 KiB of input, each compressed ({@code 0x00}) or stored ({@code 0x01}) with the masked CRC-32C
 * of its uncompressed bytes.
 */
public final class SnappyFramed {
  /** The largest uncompressed chunk (Go {@code maxBlockSize}). */
  public static final int MAX_CHUNK_BYTES = 65_536;
  private static final byte[] STREAM_IDENTIFIER = {(byte) 0xff, 6, 0, 0, 's', 'N', 'a', 'P', 'p', 'Y'};
  private static final int COMPRESSED = 0x00;
  private static final int UNCOMPRESSED = 0x01;
  private static final int IDENTIFIER = 0xff;

  private SnappyFramed() {}

  /** Thrown on a stream that is not valid framed snappy or decodes beyond the allowed size. */
  public static final class CorruptException extends Exception {
    public CorruptException(String message) {
      super(message);
    }
  }

  public static byte[] encode(byte[] src) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(src.length / 2 + 64);
    out.writeBytes(STREAM_IDENTIFIER);
    for (int from = 0; from < src.length; from += MAX_CHUNK_BYTES) {
      int n = Math.min(MAX_CHUNK_BYTES, src.length - from);
      byte[] chunk = java.util.Arrays.copyOfRange(src, from, from + n);
      byte[] compressed = SnappyBlock.encode(chunk);
      // Go stores a chunk when compression saves less than an eighth of it.
      boolean store = compressed.length >= n - n / 8;
      byte[] body = store ? chunk : compressed;
      int length = body.length + 4;
      out.write(store ? UNCOMPRESSED : COMPRESSED);
      out.write(length);
      out.write(length >>> 8);
      out.write(length >>> 16);
      int crc = maskedCrc(chunk, 0, n);
      for (int i = 0; i < 4; i++) {
        out.write(crc >>> (8 * i));
      }
      out.writeBytes(body);
    }
    return out.toByteArray();
  }

  /** Decodes a whole framed stream into at most {@code maxBytes} bytes. */
  public static byte[] decode(byte[] in, int maxBytes) throws CorruptException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int i = 0;
    boolean sawIdentifier = false;
    while (i < in.length) {
      if (in.length - i < 4) {
        throw new CorruptException("truncated chunk header at " + i);
      }
      int type = in[i] & 0xff;
      int length = (in[i + 1] & 0xff) | (in[i + 2] & 0xff) << 8 | (in[i + 3] & 0xff) << 16;
      int body = i + 4;
      if (in.length - body < length) {
        throw new CorruptException("chunk at " + i + " declares " + length + " bytes, " + (in.length - body) + " left");
      }
      if (type == IDENTIFIER) {
        if (length != 6 || !java.util.Arrays.equals(in, body, body + 6, STREAM_IDENTIFIER, 4, 10)) {
          throw new CorruptException("bad stream identifier");
        }
        sawIdentifier = true;
      } else if (!sawIdentifier) {
        throw new CorruptException("stream does not start with the stream identifier");
      } else if (type == COMPRESSED || type == UNCOMPRESSED) {
        byte[] chunk = chunk(in, body, length, type == COMPRESSED);
        if (out.size() + chunk.length > maxBytes) {
          throw new CorruptException("decodes to more than " + maxBytes + " bytes");
        }
        out.writeBytes(chunk);
      } else if (type < 0x80) {
        throw new CorruptException("unskippable chunk type 0x" + Integer.toHexString(type));
      } // 0x80..0xfe: skippable (padding included)
      i = body + length;
    }
    if (!sawIdentifier) {
      throw new CorruptException("empty stream");
    }
    return out.toByteArray();
  }

  private static byte[] chunk(byte[] in, int body, int length, boolean compressed) throws CorruptException {
    if (length < 4) {
      throw new CorruptException("chunk shorter than its checksum");
    }
    int crc = (in[body] & 0xff) | (in[body + 1] & 0xff) << 8 | (in[body + 2] & 0xff) << 16 | (in[body + 3] & 0xff) << 24;
    byte[] data = java.util.Arrays.copyOfRange(in, body + 4, body + length);
    if (compressed) {
      try {
        data = SnappyBlock.decode(data, MAX_CHUNK_BYTES);
      } catch (SnappyBlock.CorruptException e) {
        throw new CorruptException("bad compressed chunk: " + e.getMessage());
      }
    } else if (data.length > MAX_CHUNK_BYTES) {
      throw new CorruptException("stored chunk of " + data.length + " bytes");
    }
    if (maskedCrc(data, 0, data.length) != crc) {
      throw new CorruptException("chunk checksum mismatch");
    }
    return data;
  }

  /** CRC-32C of the bytes, masked as the framing format asks. */
  static int maskedCrc(byte[] b, int from, int length) {
    CRC32C crc = new CRC32C();
    crc.update(b, from, length);
    int c = (int) crc.getValue();
    return ((c >>> 15) | (c << 17)) + 0xa282ead8;
  }
}
