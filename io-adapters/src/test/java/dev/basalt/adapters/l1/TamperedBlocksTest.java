package dev.basalt.adapters.l1;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.basalt.adapters.json.RpcObject;
import dev.basalt.adapters.json.RpcTransactions;
import dev.basalt.adapters.stub.StubJsonRpcServer;
import dev.basalt.core.crypto.Keccak;
import dev.basalt.core.event.FailureKind;
import dev.basalt.core.event.InputEvent;
import dev.basalt.core.event.RequestFailed;
import dev.basalt.core.l1.L1Block;
import java.net.URI;
import org.junit.jupiter.api.Test;

/**
 * {@code --l1-trust-rpc=false} rejects a node that lies about a transaction, a receipt or the
 * block hash, and says which; with trust on the same lies go through (the reason it is an option).
 * The lies are told about 18090206, the block with the real user deposit.
 */
class TamperedBlocksTest {
  private static final URI NO_BEACON = URI.create("http://127.0.0.1:9");
  private static final long N = 18090206;

  private static InputEvent fetchFrom(ObjectNode block, JsonNode receipts, boolean trust) {
    try (StubJsonRpcServer node = new StubJsonRpcServer(); AdapterHarness h = new AdapterHarness(node.url(), NO_BEACON, trust)) {
      node.addBlock(block, receipts);
      return h.fetch(N);
    }
  }

  private static String rejected(ObjectNode block, JsonNode receipts) {
    RequestFailed f = assertInstanceOf(RequestFailed.class, fetchFrom(block, receipts, false));
    assertEquals(FailureKind.INVALID_RESPONSE, f.kind(), f.detail());
    return f.detail();
  }

  @Test
  void aChangedTransactionIsCaughtByItsHash() {
    ObjectNode block = RealL1Blocks.block(N);
    ((ObjectNode) block.get("transactions").get(5)).put("value", "0x1");
    String detail = rejected(block, RealL1Blocks.receipts(N));
    assertTrue(detail.startsWith("block.transactions[5]: its fields hash to 0x"), detail);
  }

  @Test
  void aChangedTransactionWithAMatchingHashIsCaughtByTheTransactionsRoot() {
    ObjectNode block = RealL1Blocks.block(N);
    ObjectNode tx = (ObjectNode) block.get("transactions").get(5);
    tx.put("value", "0x1");
    String newHash = Keccak.hash(RpcTransactions.envelope(new RpcObject(tx, "tx"))).toHex();
    tx.put("hash", newHash);
    JsonNode receipts = RealL1Blocks.receipts(N);
    ((ObjectNode) receipts.get(5)).put("transactionHash", newHash);
    ArrayNode logs = (ArrayNode) receipts.get(5).get("logs");
    logs.forEach(l -> ((ObjectNode) l).put("transactionHash", newHash));
    String detail = rejected(block, receipts);
    assertTrue(detail.matches("block 18090206: its 150 transactions build root 0x[0-9a-f]{64} but the header says "
        + block.get("transactionsRoot").asText()), detail);
  }

  @Test
  void aChangedReceiptIsCaughtByTheReceiptsRootButNotWhenTrusted() {
    JsonNode receipts = RealL1Blocks.receipts(N);
    ObjectNode depositLog = null;
    for (JsonNode l : receipts.get(102).get("logs")) {
      depositLog = l.get("logIndex").asText().equals("0xeb") ? (ObjectNode) l : depositLog;
    }
    String data = depositLog.get("data").asText();
    depositLog.put("data", data.substring(0, data.length() - 2) + "ff");
    String detail = rejected(RealL1Blocks.block(N), receipts);
    assertTrue(detail.matches("block 18090206: its 150 receipts build root 0x[0-9a-f]{64} but the header says "
        + RealL1Blocks.block(N).get("receiptsRoot").asText()), detail);

    L1Block trusted = L1BlockFetchTest.fetched(fetchFrom(RealL1Blocks.block(N), receipts, true));
    assertTrue(trusted.logs().get(0).log().data().toHex().endsWith("ff"), "a trusted RPC is believed");
  }

  @Test
  void aWrongBlockHashIsCaughtByTheHeaderHash() {
    ObjectNode block = RealL1Blocks.block(N);
    String wrong = "0x" + "11".repeat(32);
    block.put("hash", wrong);
    JsonNode receipts = RealL1Blocks.receipts(N);
    receipts.forEach(r -> {
      ((ObjectNode) r).put("blockHash", wrong);
      r.get("logs").forEach(l -> ((ObjectNode) l).put("blockHash", wrong));
    });
    assertEquals("block 18090206: header fields hash to " + RealL1Blocks.block(N).get("hash").asText()
        + " but the node says " + wrong, rejected(block, receipts));
  }

  @Test
  void receiptsOfAnotherBlockAreRejectedEvenWhenTrusted() {
    JsonNode receipts = RealL1Blocks.receipts(N);
    ((ObjectNode) receipts.get(3)).put("blockHash", "0x" + "22".repeat(32));
    RequestFailed f = assertInstanceOf(RequestFailed.class, fetchFrom(RealL1Blocks.block(N), receipts, true));
    assertEquals(FailureKind.INVALID_RESPONSE, f.kind());
    assertTrue(f.detail().endsWith("receipt 3 belongs to block 18090206 0x" + "22".repeat(32)), f.detail());
  }

  @Test
  void aMalformedFieldNamesItsPath() {
    ObjectNode block = RealL1Blocks.block(N);
    ((ObjectNode) block.get("transactions").get(7)).put("gas", "lots");
    assertEquals("malformed block: block.transactions[7].gas: expected a 0x-prefixed hex quantity, got \"lots\"",
        rejected(block, RealL1Blocks.receipts(N)));
  }
}
