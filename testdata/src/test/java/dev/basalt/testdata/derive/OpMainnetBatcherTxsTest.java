package dev.basalt.testdata.derive;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.basalt.core.crypto.Keccak;
import dev.basalt.core.derive.batch.BatchCodec;
import dev.basalt.core.derive.batch.BatchData;
import dev.basalt.core.derive.batch.RawSpanBatch;
import dev.basalt.core.derive.batch.SingularBatch;
import dev.basalt.core.derive.batch.SpanBatch;
import dev.basalt.core.derive.batch.SpanBatchBuilder;
import dev.basalt.core.derive.channel.BatchRead;
import dev.basalt.core.derive.channel.ChannelBatchReader;
import dev.basalt.core.derive.channel.ChannelEnd;
import dev.basalt.core.derive.channel.ChannelLimits;
import dev.basalt.core.derive.frame.Frame;
import dev.basalt.core.derive.frame.FrameParser;
import dev.basalt.core.types.Bytes;
import dev.basalt.core.types.Hash32;
import dev.basalt.core.types.L1BlockRef;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The two real OP Mainnet batcher transactions of L1 18090208 and 18090218: frames, zlib channels
 * of singular batches, and every batch checked against the L2 chain.
 */
class OpMainnetBatcherTxsTest {
  private static final String DIR = "op-mainnet-batcher-txs/";
  private static final ChannelLimits BEDROCK = new ChannelLimits(ChannelLimits.MAX_RLP_BYTES_BEDROCK, false);

  private static List<SingularBatch> readChannel(int txIndex, JsonNode expectedTx) {
    JsonNode tx = Vectors.json(DIR + "batcher_txs.json").at("/transactions/" + txIndex + "/tx");
    assertEquals(expectedTx.get("tx_hash").asText(), tx.get("hash").asText());
    byte[] calldata = Vectors.hex(tx.get("input").asText());
    assertEquals(expectedTx.get("calldata_bytes").asInt(), calldata.length);
    List<Frame> frames = FrameParser.parse(calldata).frames();
    assertEquals(1, frames.size());
    Frame f = frames.get(0);
    JsonNode ef = expectedTx.at("/frames/0");
    assertEquals("0x" + ef.get("channel_id").asText(), f.channelId().toHex());
    assertEquals(ef.get("frame_number").asInt(), f.number());
    assertEquals(ef.get("frame_data_length").asInt(), f.data().length());
    assertTrue(f.isLast());

    ChannelBatchReader reader = ChannelBatchReader.open(f.data().toArray(), BEDROCK);
    List<SingularBatch> batches = new ArrayList<>();
    BatchRead r;
    while ((r = reader.next()) instanceof BatchRead.Batch b) {
      batches.add((SingularBatch) b.batch());
    }
    assertEquals(ChannelEnd.EXHAUSTED, ((BatchRead.End) r).reason(), r.toString());
    return batches;
  }

  @Test
  void bothChannelsDecodeToContiguousSingularBatches() {
    JsonNode txs = Vectors.json(DIR + "expected.json").get("batcher_transactions");
    for (int i = 0; i < 2; i++) {
      JsonNode decoded = txs.get(i).get("channel_crosscheck_decoded");
      List<SingularBatch> batches = readChannel(i, txs.get(i));
      assertEquals(decoded.get("batches").asInt(), batches.size());
      assertEquals(decoded.get("first_batch_timestamp").asLong(), batches.get(0).timestamp());
      assertEquals(decoded.get("last_batch_timestamp").asLong(), batches.get(batches.size() - 1).timestamp());
      long firstEpoch = decoded.at("/epochs/0").asLong();
      long lastEpoch = decoded.at("/epochs/1").asLong();
      for (int k = 0; k < batches.size(); k++) {
        SingularBatch b = batches.get(k);
        assertEquals(batches.get(0).timestamp() + 2L * k, b.timestamp(), "one batch per 2 s block");
        assertTrue(b.epochNumber() >= firstEpoch && b.epochNumber() <= lastEpoch);
        if (k > 0) {
          assertTrue(b.epochNumber() - batches.get(k - 1).epochNumber() <= 1, "epochs advance by at most one");
        }
        assertArrayEquals(BatchCodec.encode(b), BatchCodec.encode(BatchCodec.decode(BatchCodec.encode(b))));
      }
    }
  }

  @Test
  void secondChannelMatchesTheL2ChainBatchByBatch() {
    JsonNode expected = Vectors.json(DIR + "expected.json");
    List<SingularBatch> batches = readChannel(1, expected.at("/batcher_transactions/1"));
    Map<Long, SingularBatch> byTime = new LinkedHashMap<>();
    batches.forEach(b -> byTime.put(b.timestamp(), b));
    int checked = 0;
    for (JsonNode block : expected.get("expected_l2_blocks")) {
      SingularBatch b = byTime.get(block.get("timestamp").asLong());
      assertEquals(Hash32.fromHex(block.get("parentHash").asText()), b.parentHash());
      assertEquals(block.at("/l1_origin/number").asLong(), b.epochNumber());
      assertEquals(Hash32.fromHex(block.at("/l1_origin/hash").asText()), b.epochHash());
      assertEquals(block.get("batch_tx_count").asInt(), b.transactions().size());
      // The batch's transactions are exactly the block's non-deposit transactions.
      int deposits = block.get("deposit_tx_count").asInt();
      for (int t = 0; t < b.transactions().size(); t++) {
        assertEquals(block.get("tx_hashes").get(deposits + t).asText(), Keccak.hash(b.transactions().get(t)).toHex());
      }
      checked++;
    }
    for (JsonNode later : expected.get("crosscheck_decoded_batches_after_last_fixture_block")) {
      SingularBatch b = byTime.get(later.get("timestamp").asLong());
      assertEquals(Hash32.fromHex(later.get("parent_hash").asText()), b.parentHash());
      assertEquals(later.get("epoch").asLong(), b.epochNumber());
      assertEquals(Hash32.fromHex(later.get("epoch_hash").asText()), b.epochHash());
      assertEquals(later.get("tx_count").asInt(), b.transactions().size());
      checked++;
    }
    assertEquals(32, checked);
  }

  /** The real transactions (legacy and EIP-1559) survive the span format byte for byte. */
  @Test
  void realTransactionsRoundTripThroughASpanBatch() {
    List<SingularBatch> batches = readChannel(1, Vectors.json(DIR + "expected.json").at("/batcher_transactions/1"));
    SpanBatchBuilder builder = new SpanBatchBuilder(OpMainnet.GENESIS_L2_TIME, OpMainnet.CHAIN_ID);
    List<L1BlockRef> origins = new ArrayList<>();
    long previousEpoch = -1;
    for (SingularBatch b : batches) {
      builder.add(b, b.epochNumber() == previousEpoch ? 1 : 0);
      if (b.epochNumber() != previousEpoch) {
        origins.add(new L1BlockRef(b.epochHash(), b.epochNumber(), Hash32.ZERO, 0));
      }
      previousEpoch = b.epochNumber();
    }
    RawSpanBatch raw = builder.build();
    byte[] typed = BatchCodec.encode(raw);
    BatchData decoded = BatchCodec.decode(typed);
    assertEquals(raw, decoded);
    SpanBatch span = ((RawSpanBatch) decoded).derive(OpMainnet.BLOCK_TIME, OpMainnet.GENESIS_L2_TIME, OpMainnet.CHAIN_ID);
    assertTrue(span.checkParentHash(batches.get(0).parentHash()));
    assertTrue(span.checkOriginHash(batches.get(batches.size() - 1).epochHash()));
    List<SingularBatch> back = span.toSingularBatches(origins, batches.get(0).timestamp() - 2);
    assertEquals(batches.size(), back.size());
    int txCount = 0;
    for (int i = 0; i < batches.size(); i++) {
      assertEquals(batches.get(i).withParentHash(Hash32.ZERO), back.get(i));
      txCount += back.get(i).transactions().size();
    }
    List<Bytes> all = new ArrayList<>();
    batches.forEach(b -> all.addAll(b.transactions()));
    assertEquals(all.size(), txCount);
    assertInstanceOf(RawSpanBatch.class, decoded);
  }
}
