package dev.basalt.cli.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.basalt.core.tx.SignedTx;
import dev.basalt.core.tx.TxCodec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DecodeChannelCommandTest {
  private static final String DIR = "frames-channels-batches/";
  /** A frame's data sits between the 23-byte header (version byte + 22) and the is_last byte. */
  private static final int HEADER = 23;

  @TempDir Path dir;

  private static byte[] frameData(byte[] calldata) {
    return Arrays.copyOfRange(calldata, HEADER, calldata.length - 1);
  }

  private Path konaChannel() {
    SignedTx tx = (SignedTx) TxCodec.decode(Tool.bytes(DIR + "kona_raw_batcher_tx.bin"));
    return Tool.write(dir, "kona.channel", frameData(tx.tx().data().toArray()));
  }

  @Test
  void konaSpanChannelUnderTheRulesOfItsTime() {
    JsonNode facts = Tool.json(DIR + "kona_raw_batcher_tx.crosscheck-decoded.json").get("channel_crosscheck_decoded");
    // March 2024: OP Mainnet had Delta and was about to activate Ecotone, long before Fjord.
    JsonNode out = Tool.run("decode", "channel", "--file", konaChannel().toString(), "--chain", "op-mainnet", "--fork", "ecotone")
        .json();
    assertEquals(10_000_000, out.get("limits").get("maxRlpBytes").asLong());
    assertFalse(out.get("limits").get("brotliAllowed").asBoolean());
    assertEquals("zlib", out.get("compression").asText());
    assertEquals(facts.get("decompressed_len").asLong(), out.get("decompressedBytes").asLong());
    assertEquals(facts.get("rlp_items").asInt(), out.get("batchCount").asInt());
    assertEquals(facts.get("span_batch_prefix").get("block_count").asInt(), out.get("batches").get(0).get("blockCount").asInt());
  }

  @Test
  void brotliChannelWithOneSingularBatch() {
    JsonNode v = Tool.json(DIR + "kona_brotli_vectors.json").get("vectors").get(1);
    JsonNode facts = v.get("crosscheck_decoded_first_batch");
    // A Fjord channel is the version byte 0x01 and then the raw brotli stream the vector holds.
    Path channel = Tool.writeText(dir, "brotli.hex", "01" + v.get("compressed_hex").asText());
    JsonNode out = Tool.run("decode", "channel", "--file", channel.toString(), "--hex").json();
    assertEquals("brotli", out.get("compression").asText());
    assertEquals(v.get("decompressed_hex").asText().length() / 2, out.get("decompressedBytes").asInt());
    assertEquals(1, out.get("batchCount").asInt());
    JsonNode b = out.get("batches").get(0);
    assertEquals("singular", b.get("type").asText());
    assertEquals(facts.get("parent_hash").asText(), b.get("parentHash").asText());
    assertEquals(facts.get("epoch_num").asLong(), b.get("epochNum").asLong());
    assertEquals(facts.get("epoch_hash").asText(), b.get("epochHash").asText());
    assertEquals(facts.get("timestamp").asLong(), b.get("timestamp").asLong());
    assertEquals(facts.get("tx_count").asInt(), b.get("txCount").asInt());
    assertEquals("EXHAUSTED", out.get("end").get("reason").asText());
    assertFalse(out.get("end").get("early").asBoolean());
  }

  @Test
  void brotliBeforeFjordIsARuleNotGarbage() {
    JsonNode v = Tool.json(DIR + "kona_brotli_vectors.json").get("vectors").get(1);
    JsonNode out = Tool.run("decode", "channel", "--hex", "01" + v.get("compressed_hex").asText(), "--fork", "ecotone").json();
    assertEquals("brotli", out.get("compression").asText());
    assertEquals(0, out.get("batchCount").asInt());
    assertEquals("BROTLI_BEFORE_FJORD", out.get("end").get("reason").asText());
    assertTrue(out.get("end").get("early").asBoolean());
  }

  @Test
  void opSepoliaSpanBatchExpandedWithTheChain() {
    JsonNode v = Tool.json(DIR + "magi_span_batch_batcher_tx_op_sepolia.json");
    JsonNode facts = v.get("crosscheck_decoded");
    JsonNode prefix = facts.get("span_batch_prefix");
    Path channel = Tool.write(dir, "sepolia.channel", frameData(Tool.unhex(v.get("batcher_tx_calldata_hex").asText())));

    JsonNode bare = Tool.run("decode", "channel", "--file", channel.toString()).json();
    JsonNode span = bare.get("batches").get(0);
    assertEquals(facts.get("zlib_decompressed_len").asInt(), bare.get("decompressedBytes").asInt());
    assertEquals(prefix.get("rel_timestamp").asLong(), span.get("relTimestamp").asLong());
    assertEquals(prefix.get("l1_origin_num").asLong(), span.get("l1OriginNumber").asLong());
    assertEquals(prefix.get("parent_check").asText(), span.get("parentCheck").asText());
    assertEquals(prefix.get("l1_origin_check").asText(), span.get("l1OriginCheck").asText());
    assertEquals(prefix.get("block_count").asInt(), span.get("blockCount").asInt());
    assertEquals(prefix.get("block_count").asInt(), span.get("blocks").size());
    assertFalse(span.has("firstTimestamp"), "without a chain there is no genesis time");

    JsonNode withChain = Tool.run("decode", "channel", "--file", channel.toString(), "--chain", "op-sepolia", "--txs").json();
    JsonNode expanded = withChain.get("batches").get(0);
    assertEquals(prefix.get("first_block_timestamp_if_OP_sepolia").asLong(), expanded.get("firstTimestamp").asLong());
    assertFalse(expanded.has("deriveError"));
    // magi's test asserts the transaction count equals the sum of the block tx counts.
    int txs = 0;
    int hashes = 0;
    for (JsonNode block : expanded.get("blocks")) {
      txs += block.get("txCount").asInt();
      hashes += block.get("txHashes").size();
    }
    assertEquals(expanded.get("txCount").asInt(), txs);
    assertEquals(txs, hashes);
  }

  /** Singular batches' transaction hashes are those of the L2 blocks, after the deposits. */
  @Test
  void singularBatchTransactionsAreTheL2BlocksTransactions() {
    JsonNode expected = Tool.json("op-mainnet-batcher-txs/expected.json");
    JsonNode tx = Tool.json("op-mainnet-batcher-txs/batcher_txs.json").get("transactions").get(1).get("tx");
    Path channel = Tool.write(dir, "singular.channel", frameData(Tool.unhex(tx.get("input").asText())));
    JsonNode out = Tool.run("decode", "channel", "--file", channel.toString(), "--txs").json();
    int checked = 0;
    for (JsonNode block : expected.get("expected_l2_blocks")) {
      for (JsonNode b : out.get("batches")) {
        if (b.get("timestamp").asLong() == block.get("timestamp").asLong()) {
          List<String> want = new ArrayList<>();
          block.get("tx_hashes").forEach(h -> want.add(h.asText()));
          List<String> got = new ArrayList<>();
          b.get("txHashes").forEach(h -> got.add(h.asText()));
          assertEquals(want.subList(block.get("deposit_tx_count").asInt(), want.size()), got);
          checked++;
        }
      }
    }
    assertEquals(expected.get("expected_l2_blocks").size(), checked, "every expected block's batch is in this channel");
  }

  @Test
  void aTruncatedChannelKeepsTheBatchesBeforeTheCut() {
    JsonNode tx = Tool.json("op-mainnet-batcher-txs/batcher_txs.json").get("transactions").get(1).get("tx");
    byte[] channel = frameData(Tool.unhex(tx.get("input").asText()));
    JsonNode out = Tool.run("decode", "channel", "--hex", Tool.hex(Arrays.copyOf(channel, channel.length / 2))).json();
    int read = out.get("batchCount").asInt();
    assertTrue(read > 0 && read < 60, "some of the 60 batches: " + read);
    JsonNode end = out.get("end");
    assertEquals("DECOMPRESSION_FAILED", end.get("reason").asText());
    assertTrue(end.get("early").asBoolean());
    assertEquals("deflate data cut short", end.get("detail").asText());
    assertEquals(read, end.get("afterBatches").asInt());
  }

  @Test
  void bytesThatAreNoChannelAreExitTwo() {
    assertEquals("error: not a channel: unknown compression (first byte 0x42; zlib has a low nibble of 8, brotli is 0x01)",
        Tool.run("decode", "channel", "--hex", "0x4242").badInput());
    assertEquals("error: the channel does not decompress: zlib header check bits wrong",
        Tool.run("decode", "channel", "--hex", "78ff00").badInput());
    byte[] kona = frameData(((SignedTx) TxCodec.decode(Tool.bytes(DIR + "kona_raw_batcher_tx.bin"))).tx().data().toArray());
    // Half of a one-batch channel: the batch never completes.
    assertEquals("error: the channel does not decompress: deflate data cut short",
        Tool.run("decode", "channel", "--hex", Tool.hex(Arrays.copyOf(kona, kona.length / 2))).badInput());
    assertTrue(Tool.run("decode", "channel", "--hex", "78", "--fork", "shanghai").badInput().startsWith("error: --fork: unknown fork"));
  }
}
