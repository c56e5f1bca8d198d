package dev.basalt.testdata.primitives;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.basalt.core.block.BlockHeader;
import dev.basalt.core.trie.OrderedTrie;
import dev.basalt.core.tx.DecodedTx;
import dev.basalt.core.tx.SignedTx;
import dev.basalt.core.tx.TxCodec;
import dev.basalt.core.tx.UnknownTypeTx;
import dev.basalt.core.types.Bytes;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The 15 OP Sepolia (Holocene) kona executor fixtures of {@code
 * vectors/i-e2e-fixtures/kona-executor-fixtures}: real L2 parent headers and the payload attributes
 * of the next block.
 */
class KonaExecutorFixturesTest {
  private static final String DIR = "i-e2e-fixtures/kona-executor-fixtures/";

  private static JsonNode fixture(JsonNode indexEntry) {
    return Vectors.json(DIR + indexEntry.get("file").asText());
  }

  @Test
  void parentHeadersChainToThePreviousFixturesExpectedHash() {
    JsonNode index = Vectors.json(DIR + "INDEX.json");
    int chained = 0;
    for (int i = 1; i < index.size(); i++) {
      if (!index.get(i).path("chain_check").asBoolean(false)) {
        continue;
      }
      BlockHeader parent = RpcJson.header(fixture(index.get(i)).get("parent_header"));
      JsonNode previous = fixture(index.get(i - 1));
      assertEquals(RpcJson.hash(previous.get("expected_block_hash")), parent.hash(), index.get(i).get("file").asText());
      assertEquals(index.get(i).get("executed_block_number").asLong() - 1, parent.number());
      chained++;
    }
    // 22884230 -> 22884231 and 26207960 -> 61 -> 62 -> 63.
    assertEquals(4, chained);
  }

  @Test
  void everyParentHeaderHasTheHoloceneShapeAndTheCrossCheckedHash() {
    for (JsonNode entry : Vectors.json(DIR + "INDEX.json")) {
      BlockHeader parent = RpcJson.header(fixture(entry).get("parent_header"));
      assertEquals(entry.get("parent_number").asLong(), parent.number());
      assertTrue(parent.parentBeaconBlockRoot() != null && parent.requestsHash() == null, "Ecotone..Holocene shape");
      assertEquals(OrderedTrie.EMPTY_ROOT, parent.withdrawalsRoot());
      // Holocene extraData = version 0 ‖ eip1559Params (9 bytes).
      assertEquals(9, parent.extraData().length());
      // Only a cross-check (the manifest authors' own RLP), kept as a second opinion.
      assertEquals(RpcJson.hash(entry.get("parent_hash_recomputed_by_crosscheck")), parent.hash());
    }
  }

  @Test
  void payloadTransactionsRootIsTheNextParentsTransactionsRoot() {
    JsonNode index = Vectors.json(DIR + "INDEX.json");
    int checked = 0;
    for (int i = 0; i + 1 < index.size(); i++) {
      if (!index.get(i).path("next_fixture_txroot_check").asBoolean(false)) {
        continue;
      }
      List<Bytes> txs = RpcJson.envelopes(fixture(index.get(i)).get("executing_payload").get("transactions"));
      BlockHeader next = RpcJson.header(fixture(index.get(i + 1)).get("parent_header"));
      assertEquals(next.transactionsRoot(), OrderedTrie.root(txs), index.get(i).get("file").asText());
      checked++;
    }
    assertEquals(4, checked);
  }

  @Test
  void everyPayloadTransactionDecodesAndRecovers() {
    int signed = 0;
    for (JsonNode entry : Vectors.json(DIR + "INDEX.json")) {
      List<Bytes> txs = RpcJson.envelopes(fixture(entry).get("executing_payload").get("transactions"));
      assertEquals(entry.get("tx_count").asInt(), txs.size());
      UnknownTypeTx l1Info = assertInstanceOf(UnknownTypeTx.class, TxCodec.decode(txs.get(0)));
      assertTrue(l1Info.isDeposit());
      assertEquals(RpcJson.hash(entry.get("l1_info_tx_hash_by_crosscheck")), l1Info.hash());
      for (Bytes raw : txs.subList(1, txs.size())) {
        DecodedTx decoded = TxCodec.decode(raw);
        SignedTx tx = assertInstanceOf(SignedTx.class, decoded);
        assertTrue(tx.sender().isPresent(), "sender of " + tx.hash());
        if (tx.tx().chainId() != null) {
          assertEquals(BigInteger.valueOf(11155420), tx.tx().chainId(), "OP Sepolia chain id");
        }
        signed++;
      }
    }
    assertTrue(signed > 200, "decoded " + signed);
  }
}
