package dev.basalt.adapters.l1;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.basalt.adapters.stub.StubJsonRpcServer;
import dev.basalt.core.crypto.Keccak;
import dev.basalt.core.event.FailureKind;
import dev.basalt.core.event.InputEvent;
import dev.basalt.core.event.L1BlockFetched;
import dev.basalt.core.event.RequestFailed;
import dev.basalt.core.l1.InboxTransaction;
import dev.basalt.core.l1.L1Block;
import dev.basalt.core.types.Hash32;
import dev.basalt.core.types.ReceiptLog;
import java.math.BigInteger;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code FetchL1Block} against a loopback node serving the 14 real OP Mainnet L1 blocks. */
class L1BlockFetchTest {
  private static final URI NO_BEACON = URI.create("http://127.0.0.1:9");
  /** OptimismPortal's TransactionDeposited(address,address,uint256,bytes). */
  private static final Hash32 TRANSACTION_DEPOSITED =
      Hash32.fromHex("0xb3813568d9991fc951961fcb4c784893574240a28925604d09fc577c55bb7c32");

  private StubJsonRpcServer node;

  @BeforeEach
  void serve() {
    node = RealL1Blocks.serveAll(new StubJsonRpcServer());
  }

  @AfterEach
  void stop() {
    node.close();
  }

  static L1Block fetched(InputEvent e) {
    return assertInstanceOf(L1BlockFetched.class, e, () -> "expected a block, got " + e).block();
  }

  @Test
  void theRealBatcherTransactionsAreTheInboxTransactions() {
    JsonNode batcherTxs = RealL1Blocks.expected().get("batcher_transactions");
    try (AdapterHarness h = new AdapterHarness(node.url(), NO_BEACON, false)) {
      for (JsonNode expected : batcherTxs) {
        L1Block block = fetched(h.fetch(expected.get("l1_block").asLong()));
        assertEquals(1, block.inboxTransactions().size(), "one batcher transaction in " + expected.get("l1_block"));
        InboxTransaction tx = block.inboxTransactions().get(0);
        assertEquals(expected.get("tx_index").asInt(), tx.txIndex());
        assertEquals(expected.get("tx_hash").asText(), Keccak.hash(tx.envelope()).toHex(), "the signed envelope");
        assertEquals(0, tx.firstBlobIndex(), "calldata transactions carry no blobs");
      }
    }
    assertEquals(1, node.count("eth_getBlockReceipts"), "only 18090218's bloom can hold a watched address");
  }

  @Test
  void theRealUserDepositOf18090206IsALogAtIndex235() {
    try (AdapterHarness h = new AdapterHarness(node.url(), NO_BEACON, false)) {
      L1Block block = fetched(h.fetch(18090206));
      JsonNode json = RealL1Blocks.block(18090206);
      assertEquals(Hash32.fromHex(json.get("hash").asText()), block.ref().hash());
      assertEquals(18090206, block.ref().number());
      assertEquals(Hash32.fromHex(json.get("parentHash").asText()), block.ref().parentHash());
      assertEquals(0x64facce7L, block.ref().timestamp());
      assertEquals(new BigInteger("29d45eec1", 16), block.baseFeePerGas());
      assertEquals(Hash32.fromHex(json.get("mixHash").asText()), block.mixHash());
      assertTrue(block.excessBlobGas().isEmpty() && block.parentBeaconBlockRoot().isEmpty(), "a Shanghai block");
      assertEquals(List.of(), block.inboxTransactions());
      assertEquals(1, block.logs().size());
      ReceiptLog deposit = block.logs().get(0);
      assertEquals(0xeb, deposit.logIndex());
      assertTrue(deposit.receiptSucceeded());
      assertEquals(RealL1Blocks.OP_MAINNET.depositContractAddress(), deposit.log().address());
      assertEquals(TRANSACTION_DEPOSITED, deposit.log().topics().get(0));
      JsonNode realLog = null;
      for (JsonNode l : RealL1Blocks.receipts(18090206).get(102).get("logs")) {
        realLog = l.get("logIndex").asText().equals("0xeb") ? l : realLog;
      }
      assertEquals(realLog.get("data").asText(), deposit.log().data().toHex(), "receipt 102's log 0xeb");
    }
  }

  @Test
  void everyRealBlockPassesVerificationAndMatchesTheTrustedRead() {
    try (AdapterHarness verified = new AdapterHarness(node.url(), NO_BEACON, false);
        AdapterHarness trusted = new AdapterHarness(node.url(), NO_BEACON, true)) {
      int logs = 0;
      for (long n = RealL1Blocks.FIRST; n <= RealL1Blocks.LAST; n++) {
        L1Block v = fetched(verified.fetch(n));
        assertEquals(v, fetched(trusted.fetch(n)), "block " + n);
        logs += v.logs().size();
      }
      assertEquals(2, logs, "the deposit in 18090206 and a portal log (0xc0) in 18090213");
    }
  }

  @Test
  void aBlockBeyondTheHeadIsNotFound() {
    try (AdapterHarness h = new AdapterHarness(node.url(), NO_BEACON, false)) {
      RequestFailed f = assertInstanceOf(RequestFailed.class, h.fetch(RealL1Blocks.LAST + 1));
      assertEquals(FailureKind.NOT_FOUND, f.kind());
      assertEquals("L1 block 18090219 not found (beyond the node's head?)", f.detail());
    }
  }

  @Test
  void missingBlockReceiptsFallBackToBatchedTransactionReceiptsOnceAndForAll() {
    node.blockReceiptsMissing(true);
    node.reverseBatches(true);
    L1Block expected;
    try (AdapterHarness normal = new AdapterHarness(RealL1Blocks.serveAll(new StubJsonRpcServer()).url(), NO_BEACON, false)) {
      expected = fetched(normal.fetch(18090206));
    }
    try (AdapterHarness h = new AdapterHarness(node.url(), NO_BEACON, false)) {
      int before = node.requests();
      assertEquals(expected, fetched(h.fetch(18090206)));
      assertTrue(h.adapter.usesReceiptsFallback());
      // 1 block + 1 failed eth_getBlockReceipts + ceil(150 / 20) = 8 receipt batches.
      assertEquals(10, node.requests() - before);
      assertEquals(150, node.count("eth_getTransactionReceipt"));
      fetched(h.fetch(18090213));
      assertEquals(1, node.count("eth_getBlockReceipts"), "the missing method is remembered");
      assertEquals(150 + 143, node.count("eth_getTransactionReceipt"));
    }
  }
}
