package dev.basalt.testdata.batcher;

import com.aayushatharva.brotli4j.Brotli4jLoader;
import com.aayushatharva.brotli4j.encoder.Encoder;
import dev.basalt.core.derive.channel.ChannelCompression;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.zip.Deflater;

/** Compresses a channel's RLP batch stream the way op-batcher does. */
public final class ChannelCompressor {
  /** op-batcher's default brotli level ("brotli" = brotli-10) and the Go encoder's default window. */
  public static final int BROTLI_QUALITY = 10;

  public static final int BROTLI_WINDOW_BITS = 22;

  /** RFC 7932's smallest window, and the bytes of a window brotli cannot use for back-references. */
  private static final int MIN_WINDOW_BITS = 10;

  private static final int WINDOW_GAP_BYTES = 16;

  private ChannelCompressor() {}

  /** The channel bytes: a zlib stream, or 0x01 followed by a brotli stream (brotli-10). */
  public static byte[] compress(byte[] rlpBatches, ChannelCompression algo) {
    return compress(rlpBatches, algo, BROTLI_QUALITY);
  }

  /**
   * As {@link #compress(byte[], ChannelCompression)} with brotli at {@code brotliQuality}: 9, 10 or
   * 11, op-batcher's {@code brotli-9}, {@code brotli-10} and {@code brotli-11}.
   */
  public static byte[] compress(byte[] rlpBatches, ChannelCompression algo, int brotliQuality) {
    if (brotliQuality < 9 || brotliQuality > 11) {
      throw new IllegalArgumentException("op-batcher's brotli levels are 9, 10 and 11, not " + brotliQuality);
    }
    return switch (algo) {
      case ZLIB -> zlib(rlpBatches);
      case BROTLI -> brotli(rlpBatches, brotliQuality);
    };
  }

  /** zlib at best compression, as op-batcher's {@code channel_compressor.go}. */
  static byte[] zlib(byte[] data) {
    Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
    try {
      deflater.setInput(data);
      deflater.finish();
      byte[] out = new byte[Math.max(64, data.length / 2 + 64)];
      int n = 0;
      while (!deflater.finished()) {
        if (n == out.length) {
          out = Arrays.copyOf(out, out.length * 2);
        }
        n += deflater.deflate(out, n, out.length - n);
      }
      return Arrays.copyOf(out, n);
    } finally {
      deflater.end();
    }
  }

  /**
   * Below level 10 the window is fitted to the input (the smallest that holds it, as brotli's own
   * one-shot encoder does): level 9's hash tables scale with the window, so a 22-bit window costs
   * some 50 times more for a channel of a few kilobytes, and only the stream header changes.
   * Levels 10 and 11 keep op-batcher's 22 bits (their cost does not depend on it).
   */
  static byte[] brotli(byte[] data, int quality) {
    Brotli4jLoader.ensureAvailability();
    int window = BROTLI_WINDOW_BITS;
    if (quality < 10) {
      window = MIN_WINDOW_BITS;
      while (window < BROTLI_WINDOW_BITS && (1 << window) - WINDOW_GAP_BYTES < data.length) {
        window++;
      }
    }
    try {
      byte[] stream = Encoder.compress(data, new Encoder.Parameters().setQuality(quality).setWindow(window));
      byte[] out = new byte[1 + stream.length];
      out[0] = (byte) ChannelCompression.CHANNEL_VERSION_BROTLI;
      System.arraycopy(stream, 0, out, 1, stream.length);
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException("brotli encoder failed", e);
    }
  }
}
