package dev.basalt.testdata.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.basalt.core.codec.DecodeException;
import dev.basalt.core.derive.batch.BatchCodec;
import dev.basalt.core.derive.batch.BatchData;
import dev.basalt.core.derive.batch.RawSpanBatch;
import dev.basalt.core.derive.blob.Blob;
import dev.basalt.core.derive.blob.BlobCodec;
import dev.basalt.core.derive.channel.BatchRead;
import dev.basalt.core.derive.channel.ChannelBatchReader;
import dev.basalt.core.derive.channel.ChannelLimits;
import dev.basalt.core.derive.frame.FrameParser;

/**
 * The formats between a batcher transaction and an L2 batch: frames, channels (zlib and brotli),
 * batches and blobs. Decompression is bounded by the channel limits, so a decompression bomb must
 * end the channel, never exhaust the heap.
 */
class DerivationFormatsFuzzTest {
  private static final String DURATION = "30s";
  /** Small enough that a fuzzed bomb hits the limit quickly. */
  private static final ChannelLimits LIMITS = new ChannelLimits(2_000_000, true);

  @FuzzTest(maxDuration = DURATION)
  void frames(byte[] input) {
    FrameParser.parse(input);
  }

  @FuzzTest(maxDuration = DURATION)
  void channels(byte[] input) {
    ChannelBatchReader reader = ChannelBatchReader.open(input, LIMITS);
    try {
      for (int i = 0; i < 10_000; i++) {
        BatchRead read = reader.next();
        if (read instanceof BatchRead.End) {
          return;
        }
        if (read instanceof BatchRead.Batch b && b.batch() instanceof RawSpanBatch span) {
          deriveQuietly(span);
        }
      }
    } finally {
      reader.close();
    }
  }

  @FuzzTest(maxDuration = DURATION)
  void batches(byte[] input) {
    try {
      BatchData batch = BatchCodec.decode(input);
      if (batch instanceof RawSpanBatch span) {
        deriveQuietly(span);
      }
    } catch (DecodeException expected) {
      // malformed batch
    }
  }

  @FuzzTest(maxDuration = DURATION)
  void blobs(FuzzedDataProvider data) {
    byte[] prefix = data.consumeBytes(Blob.SIZE_BYTES);
    try {
      BlobCodec.decode(Blob.fromPrefix(prefix));
    } catch (DecodeException expected) {
      // not a valid OP blob
    }
  }

  private static void deriveQuietly(RawSpanBatch raw) {
    try {
      raw.derive(2, 0, 10);
    } catch (DecodeException expected) {
      // a span batch whose transactions cannot be rebuilt
    }
  }
}
