package dev.basalt.cli.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.basalt.adapters.json.RpcObject;
import dev.basalt.adapters.json.RpcTransactions;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DecodeTxCommandTest {
  @TempDir Path dir;

  @Test
  void signedL1TransactionsWithTheirUpstreamAssertedFields() {
    JsonNode vectors = Tool.json("tx/l1_tx_vectors.json").get("vectors");
    JsonNode eip155 = vectors.get(0);
    JsonNode out = Tool.run("decode", "tx", "--hex", eip155.get("raw").asText()).json();
    assertEquals("legacy", out.get("type").asText());
    assertEquals(eip155.get("signing_hash").asText(), out.get("signingHash").asText());
    assertEquals(eip155.get("sender").asText(), out.get("sender").asText());
    assertEquals(eip155.get("chain_id").asText(), out.get("chainId").asText());
    assertEquals(eip155.get("nonce").asLong(), out.get("nonce").asLong());
    assertEquals(eip155.get("to").asText(), out.get("to").asText());
    assertEquals(eip155.get("value").asText(), out.get("value").asText());
    assertEquals(37, out.get("signature").get("v").asInt());
    assertTrue(out.get("signature").get("eip155").asBoolean());

    for (int i = 1; i < vectors.size(); i++) {
      JsonNode v = vectors.get(i);
      JsonNode tx = Tool.run("decode", "tx", "--hex", v.get("raw").asText()).json();
      assertEquals(v.get("type").asInt(), tx.get("typeByte").asInt());
      assertEquals(v.get("hash").asText(), tx.get("hash").asText());
      assertEquals(v.get("sender").asText().toLowerCase(), tx.get("sender").asText());
      assertEquals(v.get("chain_id").asText(), tx.get("chainId").asText());
      assertEquals(v.get("to").asText().toLowerCase(), tx.get("to").asText());
      if (v.has("blob_versioned_hashes")) {
        assertEquals(v.get("blob_versioned_hashes"), tx.get("blobVersionedHashes"));
      }
    }
  }

  @Test
  void l1InfoDepositsShowTheirCalldataAndSource() {
    JsonNode vectors = Tool.json("deposits/deposit_tx_raw_vectors.json").get("vectors");
    JsonNode mainnet = vectors.get(1);
    JsonNode out = Tool.run("decode", "tx", "--hex", mainnet.get("raw_tx_hex").asText()).json();
    JsonNode expected = mainnet.get("expected");
    assertEquals("deposit", out.get("type").asText());
    assertEquals(126, out.get("typeByte").asInt());
    assertEquals(expected.get("tx_hash").asText(), out.get("hash").asText());
    JsonNode info = out.get("l1Info");
    assertEquals(expected.get("l1BaseFee").asLong(), info.get("baseFee").asLong());
    assertEquals(expected.get("baseFeeScalar").asLong(), info.get("baseFeeScalar").asLong());
    assertEquals(expected.get("blobBaseFee").asLong(), info.get("blobBaseFee").asLong());
    assertEquals(expected.get("blobBaseFeeScalar").asLong(), info.get("blobBaseFeeScalar").asLong());
    // A real L1-info deposit's source hash commits to the L1 block hash and sequence number it carries.
    assertEquals("l1-info", out.get("source").get("domain").asText());
    assertTrue(out.get("source").get("sourceHashMatchesL1Info").asBoolean());

    JsonNode goerli = vectors.get(0);
    JsonNode bedrock = Tool.run("decode", "tx", "--hex", goerli.get("raw_tx_hex").asText()).json();
    assertEquals("bedrock", bedrock.get("l1Info").get("form").asText());
    assertEquals(goerli.get("expected").get("l1BaseFee").asLong(), bedrock.get("l1Info").get("baseFee").asLong());
    assertEquals(goerli.get("expected").get("l1FeeOverhead").asLong(), bedrock.get("l1Info").get("l1FeeOverhead").asLong());
    assertEquals(goerli.get("expected").get("l1FeeScalar").asLong(), bedrock.get("l1Info").get("l1FeeScalar").asLong());
    assertTrue(bedrock.get("source").get("sourceHashMatchesL1Info").asBoolean());

    for (JsonNode v : vectors) {
      Tool.Run run = Tool.run("decode", "tx", "--hex", v.get("raw_tx_hex").asText());
      if (v.get("name").asText().endsWith("_THIRD_PARTY")) {
        // The unverified Base sample has 8 bytes after its RLP list: no valid encoding (geth agrees).
        assertEquals("error: not a deposit transaction: 8 trailing bytes at offset 266", run.badInput());
      } else {
        assertEquals("deposit", run.json().get("type").asText(), v.get("name").asText());
      }
    }
  }

  /** kona's encoded upgrade deposits, in the order of the fork specs' tables. */
  @Test
  void upgradeDepositsAreRecognisedByTheirSourceHash() {
    JsonNode spec = Tool.json("upgrades/upgrade_txs_summary.json").get("spec_txs").get("ecotone");
    for (int i = 0; i < 6; i++) {
      String hex = new String(Tool.bytes("upgrades/kona-txs/ecotone_tx_" + i + ".hex"), StandardCharsets.US_ASCII);
      JsonNode out = Tool.run("decode", "tx", "--hex", hex).json();
      assertEquals(spec.get(i).get("sourceHash").asText(), out.get("sourceHash").asText());
      assertEquals(spec.get(i).get("from").asText().toLowerCase(), out.get("from").asText());
      JsonNode source = out.get("source");
      assertEquals("upgrade", source.get("domain").asText());
      assertEquals("ecotone", source.get("fork").asText());
      assertEquals(i, source.get("index").asInt());
      assertTrue(source.get("identicalToSpec").asBoolean());
      assertFalse(out.has("l1Info"));
    }
  }

  @Test
  void userDepositOfARealL2BlockIsAnUnknownDomain() {
    JsonNode tx = Tool.json("j-real-derivation/op-mainnet-l1-18090205-18090218/l2/109279675.block.json")
        .get("transactions").get(1);
    String raw = RpcTransactions.envelope(new RpcObject(tx, "tx")).toHex();
    JsonNode out = Tool.run("decode", "tx", "--file", Tool.writeText(dir, "deposit.hex", raw).toString()).json();
    assertEquals(tx.get("hash").asText(), out.get("hash").asText());
    assertEquals(tx.get("sourceHash").asText(), out.get("sourceHash").asText());
    assertEquals(tx.get("from").asText(), out.get("from").asText());
    assertEquals("unknown", out.get("source").get("domain").asText());
  }

  @Test
  void bytesThatAreNoTransaction() {
    assertEquals("error: transaction: type 0x05 is not a transaction type basalt reads (legacy, 0x01-0x04, deposit 0x7e);"
        + " hash 0x44e4e324520c250d97f59752f67ecffd43ce0f9e390d5f9dbb2198439a13a97c",
        Tool.run("decode", "tx", "--hex", "0x05aabb").badInput());
    assertTrue(Tool.run("decode", "tx", "--hex", "0x02c0").badInput().startsWith("error: transaction: not a transaction envelope: "));
    assertTrue(Tool.run("decode", "tx", "--hex", "0x7ec0").badInput().startsWith("error: not a deposit transaction: "));
    assertEquals("error: transaction: not a transaction envelope: not a transaction: first byte 0x80",
        Tool.run("decode", "tx", "--hex", "80").badInput());
    String raw = Tool.json("tx/l1_tx_vectors.json").get("vectors").get(0).get("raw").asText();
    assertTrue(Tool.run("decode", "tx", "--hex", raw + "00").badInput().startsWith("error: transaction: not a transaction envelope: "));
  }
}
