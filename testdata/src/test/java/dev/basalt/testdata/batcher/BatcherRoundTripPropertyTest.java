package dev.basalt.testdata.batcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.basalt.core.derive.batch.BatchData;
import dev.basalt.core.derive.batch.RawSpanBatch;
import dev.basalt.core.derive.batch.SingularBatch;
import dev.basalt.core.derive.batch.SpanBatch;
import dev.basalt.core.derive.batch.SpanBatchBuilder;
import dev.basalt.core.derive.blob.Blob;
import dev.basalt.core.derive.blob.BlobCodec;
import dev.basalt.core.derive.channel.BatchRead;
import dev.basalt.core.derive.channel.ChannelBatchReader;
import dev.basalt.core.derive.channel.ChannelCompression;
import dev.basalt.core.derive.channel.ChannelEnd;
import dev.basalt.core.derive.channel.ChannelLimits;
import dev.basalt.core.derive.frame.ChannelId;
import dev.basalt.core.derive.frame.Frame;
import dev.basalt.core.derive.frame.FrameParser;
import dev.basalt.core.types.Hash32;
import dev.basalt.core.types.L1BlockRef;
import dev.basalt.testdata.gen.SimRng;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Random batches go through the whole batcher path and back: encode, channel (zlib and brotli),
 * frames, calldata or blobs, parse, reassemble, decompress, decode; span batches also derive back
 * into the original blocks.
 */
class BatcherRoundTripPropertyTest {
  private static final ChannelLimits FJORD = new ChannelLimits(ChannelLimits.MAX_RLP_BYTES_FJORD, true);
  private static final int CASES = 60;

  @Test
  void singularBatchesSurviveTheBatcherPath() {
    SimRng rng = new SimRng(0x5eed_0001L);
    for (int c = 0; c < CASES; c++) {
      List<SingularBatch> blocks = RandomBatches.blocks(rng, 1 + rng.nextInt(12));
      ChannelBuilder channel = new ChannelBuilder();
      blocks.forEach(channel::add);
      List<BatchData> back = transport(rng, channel, c);
      assertEquals(blocks, back, "case " + c);
    }
  }

  @Test
  void spanBatchesSurviveTheBatcherPathAndDeriveBackToTheBlocks() {
    SimRng rng = new SimRng(0x5eed_0002L);
    for (int c = 0; c < CASES; c++) {
      List<SingularBatch> blocks = RandomBatches.blocks(rng, 1 + rng.nextInt(20));
      SpanBatchBuilder builder = new SpanBatchBuilder(RandomBatches.GENESIS_TIME, RandomBatches.CHAIN_ID);
      List<L1BlockRef> origins = new ArrayList<>();
      long previous = -1;
      for (SingularBatch b : blocks) {
        builder.add(b, b.epochNumber() == previous ? 1 : 0);
        if (b.epochNumber() != previous) {
          origins.add(new L1BlockRef(b.epochHash(), b.epochNumber(), Hash32.ZERO, 0));
        }
        previous = b.epochNumber();
      }
      RawSpanBatch raw = builder.build();
      List<BatchData> back = transport(rng, new ChannelBuilder().add(raw), c);
      assertEquals(List.of(raw), back, "case " + c);

      SpanBatch span = raw.derive(RandomBatches.BLOCK_TIME, RandomBatches.GENESIS_TIME, RandomBatches.CHAIN_ID);
      assertTrue(span.checkParentHash(blocks.get(0).parentHash()));
      List<SingularBatch> singular = span.toSingularBatches(origins, blocks.get(0).timestamp() - 1);
      for (int i = 0; i < blocks.size(); i++) {
        assertEquals(blocks.get(i).withParentHash(Hash32.ZERO), singular.get(i), "case " + c + " block " + i);
      }
      // A safe head inside the span drops the blocks at or before it.
      long safe = blocks.get(blocks.size() / 2).timestamp();
      assertEquals(blocks.size() - blocks.size() / 2 - 1, span.toSingularBatches(origins, safe).size());
    }
  }

  /** Compress, frame, pack, parse, reassemble and read back one channel. */
  private static List<BatchData> transport(SimRng rng, ChannelBuilder channel, int c) {
    ChannelCompression algo = c % 2 == 0 ? ChannelCompression.ZLIB : ChannelCompression.BROTLI;
    byte[] data = channel.compress(algo);
    ChannelId id = ChannelId.wrap(rng.bytes(16));
    List<Frame> frames = ChannelFramer.frames(id, data, Frame.OVERHEAD_BYTES + 1 + rng.nextInt(2000));
    List<Frame> parsed = new ArrayList<>();
    if (rng.nextBoolean()) {
      int maxPayload = 1 + Frame.OVERHEAD_BYTES + 2000 + rng.nextInt(5000);
      for (byte[] payload : BatcherPayloads.calldata(frames, maxPayload)) {
        parsed.addAll(FrameParser.parse(payload).frames());
      }
    } else {
      for (Blob blob : BatcherPayloads.blobs(frames)) {
        parsed.addAll(FrameParser.parse(BlobCodec.decode(blob)).frames());
      }
    }
    assertEquals(frames, parsed);
    ByteArrayOutputStream assembled = new ByteArrayOutputStream();
    for (int i = 0; i < parsed.size(); i++) {
      assertEquals(i, parsed.get(i).number());
      assertEquals(i == parsed.size() - 1, parsed.get(i).isLast());
      assembled.writeBytes(parsed.get(i).data().toArray());
    }
    ChannelBatchReader reader = ChannelBatchReader.open(assembled.toByteArray(), FJORD);
    List<BatchData> out = new ArrayList<>();
    BatchRead r;
    while ((r = reader.next()) instanceof BatchRead.Batch b) {
      assertEquals(algo, b.compression());
      out.add(b.batch());
    }
    assertEquals(ChannelEnd.EXHAUSTED, assertInstanceOf(BatchRead.End.class, r).reason(), r.toString());
    assertEquals(channel.rlpBytes(), reader.consumedBytes());
    return out;
  }
}
