package dev.basalt.testdata.primitives;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.basalt.core.block.BlockHeader;
import dev.basalt.core.trie.OrderedTrie;
import dev.basalt.core.tx.Bloom;
import dev.basalt.core.tx.Receipt;
import dev.basalt.core.tx.ReceiptCodec;
import dev.basalt.core.tx.SignedTx;
import dev.basalt.core.tx.TxCodec;
import dev.basalt.core.tx.TxType;
import dev.basalt.core.types.Address;
import dev.basalt.core.types.Bytes;
import dev.basalt.core.types.Hash32;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The real OP Mainnet range of {@code vectors/j-real-derivation/op-mainnet-l1-18090205-18090218}: 14
 * Ethereum blocks (Shanghai) and 16 OP Mainnet blocks (Regolith), hashed, rooted and recovered
 * against the chain's own values.
 */
class OpMainnetRealBlocksTest {
  private static final String DIR = "j-real-derivation/op-mainnet-l1-18090205-18090218/";
  private static final Address BATCHER = Address.fromHex("0x6887246668a3b87F54DeB3b94Ba47a6f63F32985");
  private static final Address INBOX = Address.fromHex("0xff00000000000000000000000000000000000010");
  private static final Address PORTAL = Address.fromHex("0xbEb5Fc579115071764c7423A4f12eDde41f106Ed");

  private static JsonNode l1(long n) {
    return Vectors.json(DIR + "l1/" + n + ".block.json");
  }

  @Test
  void everyL1HeaderTxAndWithdrawalCommitmentMatches() {
    Hash32 parent = null;
    for (long n = 18090205; n <= 18090218; n++) {
      JsonNode block = l1(n);
      BlockVectorsTest.assertBlockCommitments(block, true);
      BlockHeader header = RpcJson.header(block);
      assertTrue(header.withdrawalsRoot() != null && header.parentBeaconBlockRoot() == null, "Shanghai shape");
      if (parent != null) {
        assertEquals(parent, header.parentHash(), "L1 parent link at " + n);
      }
      parent = header.hash();
    }
  }

  @Test
  void everyL2HeaderAndTxRootMatchesAndTheChainLinks() {
    JsonNode expected = Vectors.json(DIR + "expected.json");
    Hash32 parent = RpcJson.hash(expected.get("start_safe_head").get("hash"));
    for (long n = 109279674; n <= 109279689; n++) {
      JsonNode block = Vectors.json(DIR + "l2/" + n + ".block.json");
      BlockVectorsTest.assertBlockCommitments(block, true);
      BlockHeader header = RpcJson.header(block);
      if (n == 109279674) {
        assertEquals(parent, header.hash(), "starting safe head");
      } else {
        assertEquals(parent, header.parentHash(), "L2 parent link at " + n);
      }
      parent = header.hash();
    }
  }

  @Test
  void everyL1SenderRecoversToTheRpcFromField() {
    int recovered = 0;
    for (long n = 18090205; n <= 18090218; n++) {
      recovered += BlockVectorsTest.assertSenders(l1(n));
    }
    assertTrue(recovered > 2000, "recovered " + recovered);
  }

  @Test
  void bothBatcherTransactionsComeFromTheBatcher() {
    JsonNode expected = Vectors.json(DIR + "expected.json");
    int found = 0;
    for (JsonNode batcherTx : expected.get("batcher_transactions")) {
      JsonNode tx = l1(batcherTx.get("l1_block").asLong()).get("transactions").get(batcherTx.get("tx_index").asInt());
      SignedTx signed = assertInstanceOf(SignedTx.class, TxCodec.decode(RpcJson.envelope(tx)));
      assertEquals(RpcJson.hash(batcherTx.get("tx_hash")), signed.hash());
      assertEquals(TxType.DYNAMIC_FEE, signed.tx().type());
      assertEquals(INBOX, signed.tx().to());
      assertEquals(Optional.of(BATCHER), signed.sender());
      assertEquals(0, signed.tx().data().get(0), "derivation version 0");
      assertEquals(batcherTx.get("calldata_bytes").asInt(), signed.tx().data().length());
      found++;
    }
    assertEquals(2, found);
  }

  @Test
  void receiptRootsAndBloomsMatchForTheThreeReceiptFiles() {
    for (long n : new long[] {18090206, 18090213, 18090218}) {
      BlockHeader header = RpcJson.header(l1(n));
      List<Bytes> encoded = new ArrayList<>();
      Bloom blockBloom = Bloom.EMPTY;
      for (JsonNode json : Vectors.json(DIR + "l1/" + n + ".receipts.json")) {
        Receipt receipt = RpcJson.receipt(json);
        assertEquals(Bloom.ofLogs(receipt.logs()), receipt.logsBloom(), "receipt bloom " + json.get("transactionHash"));
        byte[] bytes = ReceiptCodec.encode(receipt);
        assertEquals(receipt, ReceiptCodec.decode(bytes));
        assertArrayEquals(bytes, ReceiptCodec.encode(ReceiptCodec.decode(bytes)));
        encoded.add(Bytes.wrapOwned(bytes));
        blockBloom = blockBloom.or(receipt.logsBloom());
      }
      assertEquals(header.receiptsRoot(), OrderedTrie.root(encoded), "receipts root of " + n);
      assertEquals(header.logsBloom(), blockBloom, "block bloom of " + n);
    }
  }

  @Test
  void headerBloomsSayWhichBlocksCanHoldDeposits() {
    JsonNode expected = Vectors.json(DIR + "expected.json");
    for (JsonNode l1Block : expected.get("l1_blocks")) {
      BlockHeader header = RpcJson.header(l1(l1Block.get("number").asLong()));
      assertEquals(l1Block.get("portal_address_in_logsBloom").asBoolean(), header.logsBloom().mightContain(PORTAL));
      if (l1Block.get("receipts_file").isNull()) {
        assertFalse(header.logsBloom().mightContain(PORTAL), "no receipts needed for " + l1Block.get("number"));
      }
    }
  }

  @Test
  void expectedL2TxHashesAreTheBlockTxHashes() {
    JsonNode expected = Vectors.json(DIR + "expected.json");
    for (JsonNode e : expected.get("expected_l2_blocks")) {
      JsonNode block = Vectors.json(DIR + "l2/" + e.get("number").asLong() + ".block.json");
      List<Bytes> envelopes = RpcJson.envelopes(block.get("transactions"));
      List<Hash32> hashes = new ArrayList<>();
      e.get("tx_hashes").forEach(h -> hashes.add(RpcJson.hash(h)));
      List<Hash32> ours = new ArrayList<>();
      envelopes.forEach(b -> ours.add(TxCodec.decode(b).hash()));
      assertEquals(hashes, ours, "tx hashes of " + e.get("number"));
      assertEquals(RpcJson.hash(e.get("transactionsRoot")), OrderedTrie.root(envelopes));
    }
  }
}
