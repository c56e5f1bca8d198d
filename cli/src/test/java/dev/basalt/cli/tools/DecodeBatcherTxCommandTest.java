package dev.basalt.cli.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.basalt.adapters.json.RpcObject;
import dev.basalt.adapters.json.RpcTransactions;
import dev.basalt.core.crypto.Keccak;
import dev.basalt.core.types.Bytes;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DecodeBatcherTxCommandTest {
  private static final String KONA_TX = "frames-channels-batches/kona_raw_batcher_tx.bin";
  private static final String KONA_FACTS = "frames-channels-batches/kona_raw_batcher_tx.crosscheck-decoded.json";
  private static final String OP_BATCHER = "0x6887246668a3b87f54deb3b94ba47a6f63f32985";

  @TempDir Path dir;

  @Test
  void realOpMainnetSpanBatchTransaction() {
    JsonNode facts = Tool.json(KONA_FACTS);
    JsonNode prefix = facts.get("channel_crosscheck_decoded").get("span_batch_prefix");
    JsonNode out = Tool.run("decode", "batcher-tx", "--file", Tool.file(dir, KONA_TX).toString(), "--chain", "op-mainnet")
        .json();

    assertEquals("eip1559", out.get("type").asText());
    assertEquals(facts.get("tx_type").asInt(), out.get("typeByte").asInt());
    assertEquals(facts.get("tx_hash_by_crosscheck").asText(), out.get("hash").asText());
    // kona's test expects this calldata when the batcher is 0x6887...2985 (PROVENANCE.md).
    assertEquals(OP_BATCHER, out.get("sender").asText());
    assertEquals(facts.get("chainId").asLong(), out.get("chainId").asLong());
    assertEquals(facts.get("nonce").asLong(), out.get("nonce").asLong());
    assertEquals(facts.get("to").asText(), out.get("to").asText());
    JsonNode chain = out.get("chain");
    assertEquals(10, chain.get("chainId").asLong());
    assertTrue(chain.get("toIsBatchInbox").asBoolean());
    assertTrue(chain.get("senderIsGenesisBatcher").asBoolean());
    assertEquals("calldata", out.get("dataSource").asText());
    assertEquals(facts.get("calldata_len").asInt(), out.get("dataLength").asInt());
    assertEquals(facts.get("derivation_version_byte").asInt(), out.get("derivationVersion").asInt());

    JsonNode expectedFrame = facts.get("frames_by_crosscheck").get(0);
    JsonNode frame = out.get("frames").get(0);
    assertEquals(1, out.get("frameCount").asInt());
    assertEquals(expectedFrame.get("channel_id").asText(), frame.get("channelId").asText());
    assertEquals(expectedFrame.get("frame_number").asInt(), frame.get("frameNumber").asInt());
    assertEquals(expectedFrame.get("frame_data_len").asInt(), frame.get("dataLength").asInt());
    assertEquals(expectedFrame.get("is_last").asBoolean(), frame.get("isLast").asBoolean());

    JsonNode channel = out.get("channels").get(0);
    assertTrue(channel.get("complete").asBoolean());
    assertEquals("zlib", channel.get("compression").asText());
    assertEquals(facts.get("channel_crosscheck_decoded").get("decompressed_len").asLong(),
        channel.get("decompressedBytes").asLong());
    assertEquals(1, channel.get("batchCount").asInt());
    JsonNode span = channel.get("batches").get(0);
    assertEquals("span", span.get("type").asText());
    assertEquals(prefix.get("rel_timestamp").asLong(), span.get("relTimestamp").asLong());
    assertEquals(prefix.get("l1_origin_num").asLong(), span.get("l1OriginNumber").asLong());
    assertEquals(prefix.get("parent_check").asText(), span.get("parentCheck").asText());
    assertEquals(prefix.get("l1_origin_check").asText(), span.get("l1OriginCheck").asText());
    assertEquals(prefix.get("block_count").asInt(), span.get("blockCount").asInt());
    assertEquals(prefix.get("first_block_timestamp_if_OP_mainnet").asLong(), span.get("firstTimestamp").asLong());
    assertEquals(prefix.get("first_l2_block_number_if_OP_mainnet").asLong(), span.get("firstL2BlockNumber").asLong());
    int perBlock = 0;
    for (JsonNode block : span.get("blocks")) {
      perBlock += block.get("txCount").asInt();
    }
    assertEquals(span.get("txCount").asInt(), perBlock, "block tx counts add up to the span's");
    JsonNode last = span.get("blocks").get(prefix.get("block_count").asInt() - 1);
    assertEquals(prefix.get("l1_origin_num").asLong(), last.get("l1OriginNumber").asLong());
    // This real channel's zlib stream stops at a sync flush: op-node keeps the batch and moves on.
    assertEquals("DECOMPRESSION_FAILED", channel.get("end").get("reason").asText());
    assertTrue(channel.get("end").get("early").asBoolean());
    assertEquals(1, channel.get("end").get("afterBatches").asInt());
  }

  @Test
  void hexTextFileAndInlineHexGiveTheSameJsonAsTheBinaryFile() {
    byte[] raw = Tool.bytes(KONA_TX);
    String binary = Tool.run("decode", "batcher-tx", "--file", Tool.file(dir, KONA_TX).toString()).out();
    Path hexFile = Tool.writeText(dir, "tx.hex", "\n  " + Tool.hex(raw) + "  \n");
    assertEquals(binary, Tool.run("decode", "batcher-tx", "--file", hexFile.toString()).out());
    assertEquals(binary, Tool.run("decode", "batcher-tx", "--file", hexFile.toString(), "--hex").out());
    assertEquals(binary, Tool.run("decode", "batcher-tx", "--hex", Tool.hex(raw).substring(2)).out());
  }

  /** Both calldata batcher txs of L1 18090208..18090218, checked against the L2 blocks they derive. */
  @Test
  void realSingularBatchChannelsMatchTheL2BlocksDerivedFromThem() {
    JsonNode expected = Tool.json("op-mainnet-batcher-txs/expected.json");
    JsonNode txs = Tool.json("op-mainnet-batcher-txs/batcher_txs.json").get("transactions");
    Map<Long, JsonNode> batchesByTimestamp = new HashMap<>();
    for (int i = 0; i < txs.size(); i++) {
      JsonNode txJson = txs.get(i).get("tx");
      Bytes envelope = RpcTransactions.envelope(new RpcObject(txJson, "tx"));
      assertEquals(txJson.get("hash").asText(), Keccak.hash(envelope).toHex(), "the JSON rebuilds the signed bytes");
      JsonNode out = Tool.run("decode", "batcher-tx", "--hex", envelope.toHex(), "--chain", "10").json();

      JsonNode summary = expected.get("batcher_transactions").get(i);
      assertEquals(summary.get("tx_hash").asText(), out.get("hash").asText());
      assertEquals(summary.get("from").asText(), out.get("sender").asText());
      assertEquals(summary.get("calldata_bytes").asInt(), out.get("dataLength").asInt());
      JsonNode frame = out.get("frames").get(0);
      JsonNode expectedFrame = summary.get("frames").get(0);
      assertEquals("0x" + expectedFrame.get("channel_id").asText(), frame.get("channelId").asText());
      assertEquals(expectedFrame.get("frame_data_length").asInt(), frame.get("dataLength").asInt());
      JsonNode channel = out.get("channels").get(0);
      JsonNode facts = summary.get("channel_crosscheck_decoded");
      assertEquals(facts.get("compression").asText(), channel.get("compression").asText());
      assertEquals(facts.get("batches").asInt(), channel.get("batchCount").asInt());
      assertEquals("EXHAUSTED", channel.get("end").get("reason").asText());
      assertFalse(channel.get("end").get("early").asBoolean());
      JsonNode batches = channel.get("batches");
      assertEquals(facts.get("first_batch_timestamp").asLong(), batches.get(0).get("timestamp").asLong());
      assertEquals(facts.get("last_batch_timestamp").asLong(), batches.get(batches.size() - 1).get("timestamp").asLong());
      for (JsonNode b : batches) {
        assertEquals("singular", b.get("type").asText());
        batchesByTimestamp.put(b.get("timestamp").asLong(), b);
      }
    }
    for (JsonNode block : expected.get("expected_l2_blocks")) {
      JsonNode batch = batchesByTimestamp.get(block.get("timestamp").asLong());
      String which = "batch of L2 block " + block.get("number");
      assertEquals(block.get("parentHash").asText(), batch.get("parentHash").asText(), which);
      assertEquals(block.get("l1_origin").get("number").asLong(), batch.get("epochNum").asLong(), which);
      assertEquals(block.get("l1_origin").get("hash").asText(), batch.get("epochHash").asText(), which);
      assertEquals(block.get("batch_tx_count").asInt(), batch.get("txCount").asInt(), which);
      assertEquals(block.get("number").asLong(), batch.get("l2BlockNumber").asLong(), which);
    }
  }

  @Test
  void blobTransactionListsItsVersionedHashes() {
    JsonNode v = Tool.json("tx/l1_tx_vectors.json").get("vectors").get(1);
    JsonNode out = Tool.run("decode", "batcher-tx", "--hex", v.get("raw").asText(), "--chain", "op-sepolia").json();
    assertEquals("eip4844", out.get("type").asText());
    assertEquals(v.get("hash").asText(), out.get("hash").asText());
    assertEquals(v.get("sender").asText().toLowerCase(), out.get("sender").asText());
    assertEquals("blobs", out.get("dataSource").asText());
    assertEquals(v.get("blob_versioned_hashes"), out.get("blobVersionedHashes"));
    assertFalse(out.get("chain").get("toIsBatchInbox").asBoolean(), "a Sepolia L1 tx, not OP Sepolia's inbox");
    assertTrue(out.has("note"));
    assertFalse(out.has("frames"));
  }

  @Test
  void badInputIsExitTwoWithOneLine() {
    byte[] raw = Tool.bytes(KONA_TX);
    Path truncated = Tool.write(dir, "cut.bin", Arrays.copyOf(raw, 1000));
    assertTrue(Tool.run("decode", "batcher-tx", "--file", truncated.toString()).badInput()
        .startsWith("error: batcher transaction: not a transaction envelope: "));
    assertEquals("error: --hex: 'x' at digit 3 is not a hex digit", Tool.run("decode", "batcher-tx", "--hex", "0x02fx").badInput());
    String deposit = Tool.json("deposits/deposit_tx_raw_vectors.json").get("vectors").get(1).get("raw_tx_hex").asText();
    assertTrue(Tool.run("decode", "batcher-tx", "--hex", deposit).badInput().contains("'basalt decode tx'"));
    // A plain value transfer: empty calldata is not batcher data.
    String transfer = Tool.json("tx/l1_tx_vectors.json").get("vectors").get(0).get("raw").asText();
    assertEquals("error: calldata: empty batcher transaction data",
        Tool.run("decode", "batcher-tx", "--hex", transfer).badInput());
    // Uniswap calldata starts with the selector byte 0x7f, not derivation version 0.
    String uniswap = Tool.json("tx/l1_tx_vectors.json").get("vectors").get(2).get("raw").asText();
    assertEquals("error: calldata: unknown derivation version 127",
        Tool.run("decode", "batcher-tx", "--hex", uniswap).badInput());
    assertTrue(Tool.run("decode", "batcher-tx", "--hex", "00", "--chain", "no-such-chain").badInput()
        .startsWith("error: --chain: unknown chain \"no-such-chain\""));
    // Base left the registry before Karst: its frozen config schedules no karst_time.
    assertEquals("error: --fork: Base does not schedule karst",
        Tool.run("decode", "batcher-tx", "--hex", "00", "--chain", "base", "--fork", "karst").badInput());
  }
}
