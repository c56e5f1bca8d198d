package dev.basalt.cli.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BlockHashCommandTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final String REAL = "j-real-derivation/op-mainnet-l1-18090205-18090218/";

  @TempDir Path dir;

  private JsonNode hash(String vector, String... extra) {
    return run(Tool.file(dir, vector), extra).json();
  }

  private static Tool.Run run(Path file, String... extra) {
    String[] args = new String[3 + extra.length];
    args[0] = "block-hash";
    args[1] = "--file";
    args[2] = file.toString();
    System.arraycopy(extra, 0, args, 3, extra.length);
    return Tool.run(args);
  }

  private Path writeJson(String name, JsonNode json) {
    return Tool.writeText(dir, name, json.toString());
  }

  @Test
  void opSepoliaEcotoneBlockWithDepositLegacyAnd1559Transactions() {
    JsonNode index = Tool.json("h-l2-blocks/INDEX.json").get("blocks").get(0);
    JsonNode out = hash("h-l2-blocks/" + index.get("file").asText(), "--check");
    assertEquals(index.get("expected_hash").asText(), out.get("hash").asText());
    assertTrue(out.get("match").asBoolean());
    assertEquals(index.get("number").asLong(), out.get("number").asLong());
    JsonNode txs = out.get("transactions");
    assertEquals("full", txs.get("form").asText());
    assertEquals(3, txs.get("count").asInt());
    assertTrue(txs.get("match").asBoolean(), "the deposit's 0x7E envelope is rebuilt from its JSON fields");
    assertEquals(3, txs.get("hashesChecked").asInt());
    assertEquals(0, txs.get("hashMismatches").size());
    assertEquals(5, out.get("forkFields").size(), "London, Shanghai and Cancun fields");
  }

  @Test
  void l1GoerliBlocksAndHeadersBeforeAndAfterShanghai() {
    for (JsonNode b : Tool.json("h-l2-blocks/INDEX.json").get("blocks")) {
      String file = b.get("file").asText();
      if (!file.startsWith("l1-goerli")) {
        continue;
      }
      JsonNode out = hash("h-l2-blocks/" + file, "--check");
      assertEquals(b.get("expected_hash").asText(), out.get("hash").asText(), file);
      String form = out.get("transactions").get("form").asText();
      assertEquals(file.startsWith("l1-goerli-op-service/blocks") ? "full" : "hashes", form, file);
      if (file.contains("post-shanghai")) {
        assertTrue(out.get("withdrawals").get("match").asBoolean(), file);
      }
    }
  }

  /** Every L1 and L2 block of the real OP Mainnet derivation range: hash, tx root, every tx hash. */
  @Test
  void realOpMainnetL1AndL2Blocks() {
    JsonNode expected = Tool.json(REAL + "expected.json");
    int blocks = 0;
    for (JsonNode l1 : expected.get("l1_blocks")) {
      JsonNode out = hash(REAL + "l1/" + l1.get("number").asText() + ".block.json", "--check");
      assertEquals(l1.get("hash").asText(), out.get("hash").asText());
      assertTrue(out.get("transactions").get("match").asBoolean());
      assertTrue(out.get("withdrawals").get("match").asBoolean());
      blocks++;
    }
    for (JsonNode l2 : expected.get("expected_l2_blocks")) {
      JsonNode out = hash(REAL + "l2/" + l2.get("number").asText() + ".block.json", "--check");
      assertEquals(l2.get("hash").asText(), out.get("hash").asText());
      JsonNode txs = out.get("transactions");
      assertEquals(l2.get("transactionsRoot").asText(), txs.get("transactionsRoot").asText());
      assertEquals(l2.get("tx_count").asInt(), txs.get("hashesChecked").asInt());
      assertEquals(0, txs.get("hashMismatches").size());
      blocks++;
    }
    assertEquals(14 + 15, blocks);
  }

  /** The real Isthmus header: withdrawalsRoot is the message-passer root, requestsHash sha256(""). */
  @Test
  void unichainIsthmusHeaderWithRawTransactions() {
    JsonNode v = Tool.json("h-l2-blocks/unichain-sepolia-35535698-isthmus-header.json");
    ObjectNode block = ((ObjectNode) v.get("header")).deepCopy();
    block.put("hash", v.get("expected_block_hash").asText());
    block.set("transactions", v.get("transactions"));
    JsonNode out = run(writeJson("unichain.json", block), "--check").json();
    assertEquals(v.get("upstream_asserted").get("block_hash").asText(), out.get("hash").asText());
    assertEquals(6, out.get("forkFields").size());
    assertEquals("raw", out.get("transactions").get("form").asText());
    assertTrue(out.get("transactions").get("match").asBoolean());
    assertEquals(v.get("upstream_asserted").get("withdrawals_root").asText(),
        out.get("header").get("withdrawalsRoot").asText());

    block.remove("transactions");
    JsonNode headerOnly = run(writeJson("header.json", block)).json();
    assertEquals(out.get("hash"), headerOnly.get("hash"));
    assertEquals("none", headerOnly.get("transactions").get("form").asText());
  }

  @Test
  void jsonRpcResponseAroundTheBlock() {
    JsonNode l2 = Tool.json(REAL + "l2/109279676.block.json");
    ObjectNode response = MAPPER.createObjectNode().put("jsonrpc", "2.0").put("id", 1);
    response.set("result", l2);
    JsonNode out = run(writeJson("response.json", response)).json();
    assertEquals(l2.get("hash").asText(), out.get("hash").asText());
  }

  /** hildr truncated this block's transaction list to the L1-info deposit: the root cannot match. */
  @Test
  void truncatedTransactionListIsAMismatchAndCheckMakesItExitOne() throws Exception {
    JsonNode v = Tool.json("h-l2-blocks/hildr/sepolia-l2-8790919.headinfo-test.json");
    Path file = writeJson("hildr.json", v.get("test_block_data"));
    JsonNode out = run(file).json();
    assertEquals(v.get("assert_l2_block_hash").asText(), out.get("hash").asText());
    assertTrue(out.get("match").asBoolean());
    assertFalse(out.get("transactions").get("match").asBoolean());
    assertEquals(0, out.get("transactions").get("hashMismatches").size(), "the one transaction present is right");
    Tool.Run checked = run(file, "--check");
    assertEquals(ToolExit.MISMATCH, checked.exit());
    assertEquals(out, MAPPER.readTree(checked.out()), "the same JSON, only the exit code differs");
  }

  @Test
  void tamperedFieldsAreMismatchesNotErrors() {
    ObjectNode block = (ObjectNode) Tool.json(REAL + "l2/109279677.block.json");
    block.put("gasUsed", "0x1");
    ((ObjectNode) block.get("transactions").get(2)).put("value", "0x2a");
    JsonNode out = run(writeJson("tampered.json", block)).json();
    assertFalse(out.get("match").asBoolean());
    assertFalse(out.get("transactions").get("match").asBoolean());
    ArrayNode mismatches = (ArrayNode) out.get("transactions").get("hashMismatches");
    assertEquals(1, mismatches.size());
    assertEquals(2, mismatches.get(0).get("index").asInt());
  }

  @Test
  void malformedJsonNamesThePath() {
    ObjectNode block = (ObjectNode) Tool.json(REAL + "l2/109279675.block.json");
    ObjectNode noRoot = block.deepCopy();
    noRoot.remove("stateRoot");
    assertEquals("error: stateRoot: missing", run(writeJson("a.json", noRoot)).badInput());

    ObjectNode badR = block.deepCopy();
    ((ObjectNode) badR.get("transactions").get(3)).put("r", "0xzz");
    assertEquals("error: transactions[3].r: not a hex quantity: \"0xzz\"", run(writeJson("b.json", badR)).badInput());

    ObjectNode shortHash = block.deepCopy();
    shortHash.put("parentHash", "0x1234");
    assertEquals("error: parentHash: expected a 32-byte hash, got 2 bytes", run(writeJson("c.json", shortHash)).badInput());

    ObjectNode gap = (ObjectNode) Tool.json("h-l2-blocks/hildr/op-sepolia-11065316.eth_getBlockByNumber.json").get("result");
    gap.remove("withdrawalsRoot");
    assertTrue(run(writeJson("d.json", gap)).badInput().startsWith("error: header fork fields [baseFeePerGas, blobGasUsed,"
        + " excessBlobGas, parentBeaconBlockRoot] do not form a fork's header: "));

    ObjectNode badType = block.deepCopy();
    ((ObjectNode) badType.get("transactions").get(0)).put("type", "0x7d");
    assertEquals("error: transactions[0].type: 0x7d is not a transaction type this converter knows (0x0-0x4, 0x7e)",
        run(writeJson("e.json", badType)).badInput());

    String notJson = run(Tool.writeText(dir, "f.json", "{\"number\": 1")).badInput();
    assertTrue(notJson.startsWith("error: --file " + dir.resolve("f.json") + ": not JSON at line 1, column "), notJson);
    assertEquals("error: expected a JSON object, got an array", run(Tool.writeText(dir, "g.json", "[]")).badInput());
  }
}
