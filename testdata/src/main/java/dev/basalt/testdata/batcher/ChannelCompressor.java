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

  private ChannelCompressor() {}

  /** The channel bytes: a zlib stream, or 0x01 followed by a brotli stream. */
  public static byte[] compress(byte[] rlpBatches, ChannelCompression algo) {
    return switch (algo) {
      case ZLIB -> zlib(rlpBatches);
      case BROTLI -> brotli(rlpBatches);
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

  static byte[] brotli(byte[] data) {
    Brotli4jLoader.ensureAvailability();
    try {
      byte[] stream = Encoder.compress(data, new Encoder.Parameters().setQuality(BROTLI_QUALITY).setWindow(BROTLI_WINDOW_BITS));
      byte[] out = new byte[1 + stream.length];
      out[0] = (byte) ChannelCompression.CHANNEL_VERSION_BROTLI;
      System.arraycopy(stream, 0, out, 1, stream.length);
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException("brotli encoder failed", e);
    }
  }
}
