package dev.basalt.testdata.derive;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import dev.basalt.core.codec.DecodeException;
import dev.basalt.core.derive.batch.BatchCodec;
import dev.basalt.core.derive.batch.RawSpanBatch;
import dev.basalt.core.derive.batch.SingularBatch;
import dev.basalt.core.derive.batch.SpanBatch;
import dev.basalt.core.derive.channel.BatchRead;
import dev.basalt.core.derive.channel.ChannelBatchReader;
import dev.basalt.core.derive.channel.ChannelCompression;
import dev.basalt.core.derive.channel.ChannelEnd;
import dev.basalt.core.derive.channel.ChannelLimits;
import dev.basalt.core.derive.frame.Frame;
import dev.basalt.core.derive.frame.FrameParser;
import dev.basalt.core.types.Hash32;
import dev.basalt.core.types.Hex;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import org.brotli.dec.BrotliInputStream;
import org.junit.jupiter.api.Test;

/** Channel decompression and batch decoding on the real and upstream channels. */
class ChannelVectorsTest {
  private static final String DIR = "frames-channels-batches/";
  private static final ChannelLimits BEDROCK = new ChannelLimits(ChannelLimits.MAX_RLP_BYTES_BEDROCK, false);
  private static final ChannelLimits FJORD = new ChannelLimits(ChannelLimits.MAX_RLP_BYTES_FJORD, true);

  static byte[] konaChannel() {
    byte[] calldata = Vectors.eip1559Calldata(Vectors.bytes(DIR + "kona_raw_batcher_tx.bin"));
    Frame f = FrameParser.parse(calldata).frames().get(0);
    return f.data().toArray();
  }

  @Test
  void konaMainnetChannelIsOneZlibSpanBatchOf27Blocks() {
    JsonNode exp = Vectors.json(DIR + "kona_raw_batcher_tx.crosscheck-decoded.json").get("channel_crosscheck_decoded");
    byte[] channel = konaChannel();
    // The L1 block of this tx is from March 2024: before Fjord, so the Bedrock limit applies.
    ChannelLimits limits = ChannelLimits.at(OpMainnet.config(), 1_710_338_200L);
    assertEquals(BEDROCK, limits);
    ChannelBatchReader reader = ChannelBatchReader.open(channel, limits);
    BatchRead first = reader.next();
    RawSpanBatch raw = (RawSpanBatch) assertInstanceOf(BatchRead.Batch.class, first).batch();
    assertEquals(ChannelCompression.ZLIB, reader.compression());
    // This real channel's zlib stream stops at a sync-flush marker (00 00 ff ff) with no final block
    // and no checksum: op-node reads the batch, then hits "unexpected EOF" and moves to the next
    // channel. The batch read before the failure stays valid.
    BatchRead.End end = assertInstanceOf(BatchRead.End.class, reader.next());
    assertEquals(ChannelEnd.DECOMPRESSION_FAILED, end.reason());
    assertEquals("deflate data cut short", end.detail());
    assertEquals(exp.get("decompressed_len").asLong(), reader.consumedBytes());

    JsonNode p = exp.get("span_batch_prefix");
    assertEquals(p.get("rel_timestamp").asLong(), raw.prefix().relTimestamp());
    assertEquals(p.get("l1_origin_num").asLong(), raw.prefix().l1OriginNumber());
    assertEquals(p.get("parent_check").asText(), raw.prefix().parentCheck().toHex());
    assertEquals(p.get("l1_origin_check").asText(), raw.prefix().l1OriginCheck().toHex());
    assertEquals(27, raw.blockCount());

    SpanBatch span = raw.derive(OpMainnet.BLOCK_TIME, OpMainnet.GENESIS_L2_TIME, OpMainnet.CHAIN_ID);
    assertEquals(p.get("first_block_timestamp_if_OP_mainnet").asLong(), span.timestamp());
    assertEquals(19_426_585L, span.endEpochNumber());
    assertEquals(raw.txs().size(), span.elements().stream().mapToInt(e -> e.transactions().size()).sum());
    for (int i = 0; i < 27; i++) {
      assertEquals(span.timestamp() + 2L * i, span.elements().get(i).timestamp());
    }
    // Byte-exact: the span batch re-encodes to the channel's RLP payload.
    byte[] typed = BatchCodec.encode(raw);
    assertEquals(240_308, BatchCodec.encodeForChannel(raw).length);
    assertArrayEquals(typed, BatchCodec.encode(BatchCodec.decode(typed)));
  }

  @Test
  void opSepoliaSpanBatchFromMagi() {
    JsonNode v = Vectors.json(DIR + "magi_span_batch_batcher_tx_op_sepolia.json");
    byte[] calldata = Vectors.hex(v.get("batcher_tx_calldata_hex").asText());
    List<Frame> frames = FrameParser.parse(calldata).frames();
    assertEquals(1, frames.size());
    assertEquals("0x656531d7fca1ad32740ea3adca85922a", frames.get(0).channelId().toHex());
    assertEquals(1500, frames.get(0).data().length());
    ChannelBatchReader reader = ChannelBatchReader.open(frames.get(0).data().toArray(), BEDROCK);
    RawSpanBatch raw = (RawSpanBatch) assertInstanceOf(BatchRead.Batch.class, reader.next()).batch();
    assertInstanceOf(BatchRead.End.class, reader.next());
    assertEquals(2813, reader.consumedBytes());
    assertEquals(84, raw.blockCount());
    long sum = 0;
    for (int i = 0; i < raw.blockTxCounts().size(); i++) {
      sum += raw.blockTxCounts().get(i);
    }
    assertEquals(sum, raw.txs().size(), "#txs = sum(block_tx_counts)");
    SpanBatch span = raw.derive(OpMainnet.BLOCK_TIME, OpMainnet.SEPOLIA_GENESIS_L2_TIME, OpMainnet.SEPOLIA_CHAIN_ID);
    assertEquals(1_703_204_432L, span.timestamp());
    assertEquals(4_933_211L, span.endEpochNumber());
    assertEquals(84, span.elements().size());
  }

  @Test
  void brotliVectorsDecompressAndTheSecondIsASingularBatch() throws IOException {
    JsonNode vectors = Vectors.json(DIR + "kona_brotli_vectors.json").get("vectors");
    for (JsonNode v : vectors) {
      byte[] compressed = Vectors.hex(v.get("compressed_hex").asText());
      try (BrotliInputStream in = new BrotliInputStream(new ByteArrayInputStream(compressed))) {
        assertEquals(v.get("decompressed_hex").asText(), Hex.encode(in.readAllBytes()).substring(2));
      }
    }
    JsonNode batchVector = vectors.get(1);
    JsonNode exp = batchVector.get("crosscheck_decoded_first_batch");
    byte[] compressed = Vectors.hex(batchVector.get("compressed_hex").asText());
    byte[] channel = new byte[compressed.length + 1];
    channel[0] = (byte) ChannelCompression.CHANNEL_VERSION_BROTLI;
    System.arraycopy(compressed, 0, channel, 1, compressed.length);

    ChannelBatchReader reader = ChannelBatchReader.open(channel, FJORD);
    SingularBatch b = (SingularBatch) assertInstanceOf(BatchRead.Batch.class, reader.next()).batch();
    assertEquals(ChannelEnd.EXHAUSTED, assertInstanceOf(BatchRead.End.class, reader.next()).reason());
    assertEquals(ChannelCompression.BROTLI, reader.compression());
    assertEquals(Hash32.fromHex(exp.get("parent_hash").asText()), b.parentHash());
    assertEquals(exp.get("epoch_num").asLong(), b.epochNumber());
    assertEquals(Hash32.fromHex(exp.get("epoch_hash").asText()), b.epochHash());
    assertEquals(exp.get("timestamp").asLong(), b.timestamp());
    assertEquals(exp.get("tx_count").asInt(), b.transactions().size());
    assertArrayEquals(Vectors.hex(batchVector.get("decompressed_hex").asText()), BatchCodec.encodeForChannel(b));

    // The same channel read before Fjord is refused as a whole (op-node: "cannot accept brotli").
    BatchRead early = ChannelBatchReader.open(channel, BEDROCK).next();
    assertEquals(ChannelEnd.BROTLI_BEFORE_FJORD, assertInstanceOf(BatchRead.End.class, early).reason());
  }

  @Test
  void spanBatchV2IsRejectedAsUnknownBatchType() {
    JsonNode v = Vectors.json(DIR + "opnode_span_batch_v2_golden_EXPERIMENTAL.json");
    byte[] typed = Vectors.hex(v.get("typed_batch_hex").asText());
    assertEquals(2, typed[0]);
    DecodeException e = assertThrows(DecodeException.class, () -> BatchCodec.decode(typed));
    assertEquals("unrecognized batch type 2", e.getMessage());
  }
}
