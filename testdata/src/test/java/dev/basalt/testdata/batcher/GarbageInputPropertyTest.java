package dev.basalt.testdata.batcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.basalt.core.codec.DecodeException;
import dev.basalt.core.derive.batch.BatchCodec;
import dev.basalt.core.derive.batch.BatchData;
import dev.basalt.core.derive.batch.RawSpanBatch;
import dev.basalt.core.derive.batch.SignedTxFields;
import dev.basalt.core.derive.batch.SingularBatch;
import dev.basalt.core.derive.batch.SpanBatchBuilder;
import dev.basalt.core.derive.blob.Blob;
import dev.basalt.core.derive.blob.BlobCodec;
import dev.basalt.core.derive.channel.BatchRead;
import dev.basalt.core.derive.channel.ChannelBatchReader;
import dev.basalt.core.derive.channel.ChannelCompression;
import dev.basalt.core.derive.channel.ChannelLimits;
import dev.basalt.core.derive.frame.BatcherTxData;
import dev.basalt.core.derive.frame.ChannelId;
import dev.basalt.core.derive.frame.FrameParser;
import dev.basalt.core.types.Bytes;
import dev.basalt.testdata.gen.SimRng;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Random and mutated inputs into every decoder: the only outcomes allowed are a value, a
 * documented result (rejected frames, a channel end) or a {@link DecodeException}. The suite runs
 * with a 2 GB heap; anything allocating by a claimed length would blow it or time out.
 */
class GarbageInputPropertyTest {
  private static final int ROUNDS = 3000;

  /** Random bytes, or a valid encoding with a few bytes flipped, cut, or spliced. */
  private static byte[] mutate(SimRng rng, byte[] valid) {
    int kind = rng.nextInt(4);
    byte[] b = valid.clone();
    switch (kind) {
      case 0 -> b = rng.bytes(rng.nextInt(Math.max(1, valid.length * 2)));
      case 1 -> {
        for (int i = 1 + rng.nextInt(4); i > 0 && b.length > 0; i--) {
          b[rng.nextInt(b.length)] = (byte) rng.nextLong();
        }
      }
      case 2 -> b = Arrays.copyOf(b, rng.nextInt(b.length + 1));
      default -> {
        int at = rng.nextInt(b.length + 1);
        byte[] insert = rng.bytes(1 + rng.nextInt(8));
        byte[] out = new byte[b.length + insert.length];
        System.arraycopy(b, 0, out, 0, at);
        System.arraycopy(insert, 0, out, at, insert.length);
        System.arraycopy(b, at, out, at + insert.length, b.length - at);
        b = out;
      }
    }
    return b;
  }

  private static void fuzz(long seed, byte[] valid, Consumer<byte[]> decoder) {
    fuzz(seed, valid, ROUNDS, decoder);
  }

  private static void fuzz(long seed, byte[] valid, int rounds, Consumer<byte[]> decoder) {
    SimRng rng = new SimRng(seed);
    for (int i = 0; i < rounds; i++) {
      byte[] input = mutate(rng, valid);
      try {
        decoder.accept(input);
      } catch (DecodeException expected) {
        // The documented failure.
      }
    }
  }

  private static List<SingularBatch> sample() {
    return RandomBatches.blocks(new SimRng(99), 6);
  }

  private static RawSpanBatch sampleSpan() {
    SpanBatchBuilder b = new SpanBatchBuilder(RandomBatches.GENESIS_TIME, RandomBatches.CHAIN_ID);
    long seq = 0;
    for (SingularBatch s : sample()) {
      b.add(s, seq++);
    }
    return b.build();
  }

  @Test
  void framesNeverThrow() {
    byte[] valid = BatcherTxData.encode(ChannelFramer.frames(ChannelId.wrap(new byte[16]), new byte[300], 120));
    SimRng rng = new SimRng(1);
    for (int i = 0; i < ROUNDS; i++) {
      assertTrue(FrameParser.parse(mutate(rng, valid)) != null);
    }
  }

  @Test
  void batchesFailOnlyWithDecodeException() {
    fuzz(2, BatchCodec.encode(sample().get(0)), b -> BatchCodec.decode(b));
    fuzz(3, BatchCodec.encode(sampleSpan()), b -> BatchCodec.decode(b));
  }

  @Test
  void spanDerivationFailsOnlyWithDecodeException() {
    fuzz(
        4,
        BatchCodec.encode(sampleSpan()),
        b -> {
          BatchData d = BatchCodec.decode(b);
          if (d instanceof RawSpanBatch raw) {
            raw.derive(RandomBatches.BLOCK_TIME, RandomBatches.GENESIS_TIME, RandomBatches.CHAIN_ID);
          }
        });
    SimRng rng = new SimRng(5);
    for (int i = 0; i < 200; i++) {
      Bytes tx = RandomBatches.tx(rng);
      fuzz(rng.nextLong(), tx.toArray(), 500, b -> SignedTxFields.decode(Bytes.wrapOwned(b), RandomBatches.CHAIN_ID));
    }
  }

  /** One decompression buffer shared by channel after channel reads each exactly as a fresh one. */
  @Test
  void aSharedChunkReadsEveryChannelAsAFreshOne() {
    ChannelBuilder channel = new ChannelBuilder();
    sample().forEach(channel::add);
    channel.add(sampleSpan());
    ChannelLimits limits = new ChannelLimits(ChannelLimits.MAX_RLP_BYTES_FJORD, true);
    byte[] shared = ChannelBatchReader.newChunk();
    for (ChannelCompression algo : ChannelCompression.values()) {
      byte[] valid = channel.compress(algo);
      SimRng rng = new SimRng(60 + algo.ordinal());
      for (int i = 0; i < ROUNDS / 6; i++) {
        byte[] input = i % 5 == 0 ? valid : mutate(rng, valid);
        ChannelBatchReader fresh = ChannelBatchReader.open(input, limits);
        ChannelBatchReader reused = ChannelBatchReader.open(input, limits, shared);
        BatchRead a;
        do {
          a = fresh.next();
          BatchRead b = reused.next();
          assertEquals(a, b, algo + " input " + i);
        } while (a instanceof BatchRead.Batch);
      }
    }
  }

  @Test
  void channelsEndCleanlyOnAnyInput() {
    ChannelBuilder channel = new ChannelBuilder();
    sample().forEach(channel::add);
    channel.add(sampleSpan());
    ChannelLimits limits = new ChannelLimits(ChannelLimits.MAX_RLP_BYTES_FJORD, true);
    for (ChannelCompression algo : ChannelCompression.values()) {
      byte[] valid = channel.compress(algo);
      SimRng rng = new SimRng(6 + algo.ordinal());
      for (int i = 0; i < ROUNDS / 3; i++) {
        ChannelBatchReader reader = ChannelBatchReader.open(mutate(rng, valid), limits);
        int reads = 0;
        while (reader.next() instanceof BatchRead.Batch) {
          reads++;
          assertTrue(reads < 10_000);
        }
      }
    }
  }

  @Test
  void blobsFailOnlyWithBlobDecodeException() {
    byte[] valid = BlobCodec.encode(new SimRng(8).bytes(5000)).toArray();
    SimRng rng = new SimRng(9);
    for (int i = 0; i < 500; i++) {
      byte[] b = valid.clone();
      for (int k = 1 + rng.nextInt(3); k > 0; k--) {
        b[rng.nextInt(rng.chance(1, 2) ? 6000 : b.length)] = (byte) rng.nextLong();
      }
      try {
        BlobCodec.decode(Blob.wrap(b));
      } catch (DecodeException expected) {
        // documented
      }
    }
  }
}
