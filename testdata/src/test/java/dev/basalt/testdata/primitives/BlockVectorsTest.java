package dev.basalt.testdata.primitives;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.basalt.core.block.BlockHeader;
import dev.basalt.core.block.BlockHeaderCodec;
import dev.basalt.core.crypto.Keccak;
import dev.basalt.core.trie.OrderedTrie;
import dev.basalt.core.tx.SignedTx;
import dev.basalt.core.tx.TxCodec;
import dev.basalt.core.tx.UnknownTypeTx;
import dev.basalt.core.types.Bytes;
import dev.basalt.core.types.Hash32;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Real L1 and L2 blocks of {@code vectors/h-l2-blocks}: header hashes, tx hashes, tx and withdrawal roots. */
class BlockVectorsTest {
  /** Every header hash, every tx hash and the tx root of a full-transaction block object. */
  static void assertBlockCommitments(JsonNode block, boolean checkTxRoot) {
    BlockHeader header = RpcJson.header(block);
    assertEquals(RpcJson.hash(block.get("hash")), header.hash(), "header hash of block " + header.number());
    assertEquals(header, BlockHeaderCodec.decode(header.encode()));
    List<Bytes> envelopes = new ArrayList<>();
    for (JsonNode tx : block.get("transactions")) {
      Bytes envelope = RpcJson.envelope(tx);
      assertEquals(RpcJson.hash(tx.get("hash")), Keccak.hash(envelope), "tx hash " + tx.get("hash").asText());
      envelopes.add(envelope);
    }
    if (checkTxRoot) {
      assertEquals(header.transactionsRoot(), OrderedTrie.root(envelopes), "tx root of block " + header.number());
    }
    JsonNode withdrawals = block.get("withdrawals");
    if (withdrawals != null && header.withdrawalsRoot() != null) {
      List<Bytes> items = new ArrayList<>();
      withdrawals.forEach(w -> items.add(RpcJson.withdrawal(w).encode()));
      assertEquals(header.withdrawalsRoot(), OrderedTrie.root(items), "withdrawals root of block " + header.number());
    }
  }

  /** Decodes every non-deposit envelope and checks the recovered sender against the JSON "from". */
  static int assertSenders(JsonNode block) {
    int recovered = 0;
    for (JsonNode tx : block.get("transactions")) {
      Bytes envelope = RpcJson.envelope(tx);
      var decoded = TxCodec.decode(envelope);
      if (RpcJson.quantity(tx.get("type")).intValue() == 0x7e) {
        assertTrue(assertInstanceOf(UnknownTypeTx.class, decoded).isDeposit());
        continue;
      }
      SignedTx signed = assertInstanceOf(SignedTx.class, decoded);
      assertEquals(Optional.of(RpcJson.address(tx.get("from"))), signed.sender(), "sender of " + signed.hash());
      assertEquals(RpcJson.hash(tx.get("hash")), signed.hash());
      recovered++;
    }
    return recovered;
  }

  @Test
  void opSepoliaEcotoneBlock() {
    JsonNode block = Vectors.json("h-l2-blocks/hildr/op-sepolia-11065316.eth_getBlockByNumber.json").get("result");
    assertBlockCommitments(block, true);
    BlockHeader header = RpcJson.header(block);
    assertEquals(
        Hash32.fromHex("0x3b1bee7b7c9d9ef0214ec6aa92aee1993e46b58dd4e8e921e7567bae54cee96f"), header.hash());
    assertEquals(OrderedTrie.EMPTY_ROOT, header.withdrawalsRoot(), "pre-Isthmus L2: empty withdrawals trie");
    assertEquals(3, block.get("transactions").size());
    assertEquals(2, assertSenders(block));
    SignedTx legacy = (SignedTx) TxCodec.decode(RpcJson.envelope(block.get("transactions").get(1)));
    assertEquals(BigInteger.valueOf(0xaa37dc), legacy.tx().chainId(), "OP Sepolia chain id via EIP-155 v");
  }

  @Test
  void headInfoBlocksHashAsHildrAsserts() {
    JsonNode ecotone = Vectors.json("h-l2-blocks/hildr/sepolia-l2-8790919.headinfo-test.json");
    // The hildr authors truncated this block's tx list to the L1-info deposit: no tx root check.
    assertBlockCommitments(ecotone.get("test_block_data"), false);
    assertEquals(RpcJson.hash(ecotone.get("assert_l2_block_hash")), RpcJson.header(ecotone.get("test_block_data")).hash());

    JsonNode bedrock = Vectors.json("h-l2-blocks/hildr/op-goerli-8381743.headinfo-test.json");
    assertBlockCommitments(bedrock.get("test_block_data"), true);
    BlockHeader header = RpcJson.header(bedrock.get("test_block_data"));
    assertEquals(RpcJson.hash(bedrock.get("assert_l2_block_hash")), header.hash());
    assertEquals(null, header.withdrawalsRoot(), "Bedrock-era L2 header ends at baseFeePerGas");
  }

  @Test
  void unichainIsthmusHeader() {
    JsonNode v = Vectors.json("h-l2-blocks/unichain-sepolia-35535698-isthmus-header.json");
    BlockHeader header = RpcJson.header(v.get("header"));
    assertEquals(RpcJson.hash(v.get("upstream_asserted").get("block_hash")), header.hash());
    assertEquals(BlockHeader.EMPTY_REQUESTS_HASH, header.requestsHash());
    assertNotEquals(OrderedTrie.EMPTY_ROOT, header.withdrawalsRoot(), "Isthmus: message-passer storage root");
    List<Bytes> txs = RpcJson.envelopes(v.get("transactions"));
    assertEquals(header.transactionsRoot(), OrderedTrie.root(txs));
    assertTrue(assertInstanceOf(UnknownTypeTx.class, TxCodec.decode(txs.get(0))).isDeposit());
    for (Bytes tx : txs.subList(1, txs.size())) {
      SignedTx signed = assertInstanceOf(SignedTx.class, TxCodec.decode(tx));
      assertEquals(BigInteger.valueOf(1301), signed.tx().chainId());
      assertTrue(signed.sender().isPresent());
    }
  }

  @Test
  void l1GoerliBlocksAroundShanghai() {
    for (String phase : List.of("pre", "post")) {
      JsonNode block = Vectors.json("h-l2-blocks/l1-goerli-op-service/blocks-" + phase + "-shanghai-success.json");
      assertBlockCommitments(block, true);
      assertTrue(assertSenders(block) > 0);
      JsonNode headerOnly = Vectors.json("h-l2-blocks/l1-goerli-op-service/headers-" + phase + "-shanghai-success.json");
      assertEquals(RpcJson.hash(headerOnly.get("hash")), RpcJson.header(headerOnly).hash());
      assertEquals(phase.equals("post"), RpcJson.header(block).withdrawalsRoot() != null);
    }
  }

  @Test
  void indexExpectedHashesAllMatch() {
    JsonNode index = Vectors.json("h-l2-blocks/INDEX.json");
    int checked = 0;
    for (JsonNode entry : index.get("blocks")) {
      JsonNode file = Vectors.json("h-l2-blocks/" + entry.get("file").asText());
      JsonNode headerJson =
          file.has("result") ? file.get("result") : file.has("test_block_data") ? file.get("test_block_data")
              : file.has("header") ? file.get("header") : file;
      assertEquals(RpcJson.hash(entry.get("expected_hash")), RpcJson.header(headerJson).hash(), entry.get("file").asText());
      checked++;
    }
    assertEquals(8, checked);
  }
}
