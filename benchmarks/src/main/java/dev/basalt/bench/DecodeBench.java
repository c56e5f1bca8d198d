package dev.basalt.bench;

import dev.basalt.core.crypto.Keccak;
import dev.basalt.core.derive.batch.RawSpanBatch;
import dev.basalt.core.derive.channel.BatchRead;
import dev.basalt.core.derive.channel.ChannelBatchReader;
import dev.basalt.core.derive.channel.ChannelCompression;
import dev.basalt.core.derive.channel.ChannelLimits;
import dev.basalt.testdata.batcher.ChannelCompressor;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.Inflater;
import org.brotli.dec.BrotliInputStream;

/**
 * Channel decoding against its physical floor: the time to decompress the channel and keccak its
 * bytes once (the unavoidable work), versus the full channel reader (decompress, split RLP batches,
 * decode them, rebuild every span-batch transaction).
 */
final class DecodeBench {
  private static final ChannelLimits LIMITS = new ChannelLimits(100_000_000, true);

  private DecodeBench() {}

  static List<String> run(int rounds) throws IOException {
    List<String> lines = new ArrayList<>();
    byte[] real = ChannelSamples.realZlibChannel();
    lines.addAll(compare("real OP Mainnet channel, zlib", real, false, rounds));
    byte[] rlp = ChannelSamples.mainnetSizedRlp(7);
    lines.addAll(compare("generated 1.4 MB span batch, zlib", ChannelCompressor.compress(rlp, ChannelCompression.ZLIB), false, rounds));
    lines.addAll(compare("generated 1.4 MB span batch, brotli", ChannelCompressor.compress(rlp, ChannelCompression.BROTLI), true, rounds));
    return lines;
  }

  private static List<String> compare(String name, byte[] channel, boolean brotli, int rounds) throws IOException {
    int iterations = 20;
    Measurement floor = new Measurement(name + ": decompress + keccak floor", "channels", iterations, (long) channel.length * iterations);
    Measurement reader = new Measurement(name + ": channel reader (full decode)", "channels", iterations, (long) channel.length * iterations);
    long floorBest = Long.MAX_VALUE;
    long readerBest = Long.MAX_VALUE;
    for (int round = 0; round < rounds + 2; round++) {
      long t0 = System.nanoTime();
      long sink = 0;
      for (int i = 0; i < iterations; i++) {
        byte[] plain = brotli ? unbrotli(channel) : inflate(channel);
        sink += Keccak.hash(plain).get(0);
      }
      long t1 = System.nanoTime();
      for (int i = 0; i < iterations; i++) {
        sink += decodeAll(channel);
      }
      long t2 = System.nanoTime();
      if (sink == 42) {
        System.out.print("");
      }
      if (round >= 2) {
        floor.add(t1 - t0);
        reader.add(t2 - t1);
        floorBest = Math.min(floorBest, t1 - t0);
        readerBest = Math.min(readerBest, t2 - t1);
      }
    }
    return List.of(
        floor.report(),
        reader.report(),
        String.format(Locale.ROOT, "%-44s %.2fx the floor (best rounds), %,d compressed bytes", name + ": ratio", (double) readerBest / floorBest, channel.length));
  }

  /** Everything derivation does with a channel: decompress, split and decode batches, rebuild txs. */
  private static long decodeAll(byte[] channel) {
    long txs = 0;
    ChannelBatchReader reader = ChannelBatchReader.open(channel, LIMITS);
    try {
      for (BatchRead read = reader.next(); read instanceof BatchRead.Batch b; read = reader.next()) {
        if (b.batch() instanceof RawSpanBatch span) {
          txs += span.derive(2, 1_686_068_903L, 10).elements().size();
        } else {
          txs++;
        }
      }
    } finally {
      reader.close();
    }
    return txs;
  }

  private static byte[] inflate(byte[] channel) {
    Inflater inflater = new Inflater();
    try {
      inflater.setInput(channel);
      java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(channel.length * 3);
      byte[] buf = new byte[64 * 1024];
      while (!inflater.finished() && !inflater.needsInput()) {
        int n;
        try {
          n = inflater.inflate(buf);
        } catch (java.util.zip.DataFormatException e) {
          break;
        }
        if (n == 0 && inflater.needsDictionary()) {
          break;
        }
        out.write(buf, 0, n);
      }
      return out.toByteArray();
    } finally {
      inflater.end();
    }
  }

  private static byte[] unbrotli(byte[] channel) throws IOException {
    // Skip the channel's 0x01 version byte; the rest is a brotli stream.
    try (BrotliInputStream in = new BrotliInputStream(new ByteArrayInputStream(channel, 1, channel.length - 1))) {
      return in.readAllBytes();
    }
  }
}
