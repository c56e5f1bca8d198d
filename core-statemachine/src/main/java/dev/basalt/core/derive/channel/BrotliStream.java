package dev.basalt.core.derive.channel;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import org.brotli.dec.BrotliInputStream;

/**
 * An RFC 7932 brotli stream through the pure-Java reference decoder ({@code org.brotli.dec}), the
 * same algorithm as op-node's Go port. Decoder errors of any kind end the stream as a failure.
 */
final class BrotliStream implements DecompressedStream {
  /**
   * The decoder's own output buffer serves only its single-byte {@code read()}, which this class
   * never calls: the smallest size spares a 16 KiB allocation per channel.
   */
  private static final int READ_BUFFER_BYTES = 1;

  private BrotliInputStream decoder;
  private String failure;

  private BrotliStream(BrotliInputStream decoder) {
    this.decoder = decoder;
  }

  /** Starts decoding {@code in} after the channel version byte. */
  static DecompressedStream open(byte[] in) {
    try {
      return new BrotliStream(new BrotliInputStream(new ByteArrayInputStream(in, 1, in.length - 1), READ_BUFFER_BYTES));
    } catch (IOException | RuntimeException e) {
      return DecompressedStream.failed("brotli stream rejected: " + e.getMessage());
    }
  }

  @Override
  public int read(byte[] out, int off, int len) {
    if (decoder == null) {
      return -1;
    }
    try {
      int n = decoder.read(out, off, len);
      if (n < 0) {
        close();
      }
      return n;
    } catch (IOException | RuntimeException e) {
      // The library reports corrupt input as IOException, and a few malformed streams as runtime
      // exceptions from deep inside; both mean "this channel's data ends here".
      failure = "corrupt brotli data: " + e.getMessage();
      close();
      return -1;
    }
  }

  @Override
  public String failure() {
    return failure;
  }

  @Override
  public void close() {
    if (decoder != null) {
      try {
        decoder.close();
      } catch (IOException e) {
        // Closing an in-memory source cannot fail in a way that matters.
      }
      decoder = null;
    }
  }
}
