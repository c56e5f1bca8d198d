package dev.basalt.adapters.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.basalt.adapters.config.ChainRegistry;
import dev.basalt.core.block.BlockHeader;
import dev.basalt.core.config.RollupConfig;
import dev.basalt.core.crypto.Keccak;
import dev.basalt.core.deposit.DepositTransaction;
import dev.basalt.core.derive.payload.L2BlockInfoDecoding;
import dev.basalt.core.derive.payload.PayloadBlockInfo;
import dev.basalt.core.engine.ExecutionPayload;
import dev.basalt.core.engine.ExecutionPayloadEnvelope;
import dev.basalt.core.types.Bytes;
import dev.basalt.core.types.Hash32;
import dev.basalt.core.types.L2BlockRef;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Real L2 blocks from {@code eth_getBlockByNumber} JSON into execution payloads: OP Mainnet
 * Bedrock-era blocks (MANIFEST j), an OP Sepolia Ecotone block and a Unichain Sepolia Isthmus
 * block. Each must re-verify against its real hash, with deposits rebuilt byte for byte; any
 * tampering must be caught.
 */
class L2BlockJsonTest {
  private static final String OP_MAINNET_DIR = "j-real-derivation/op-mainnet-l1-18090205-18090218/";
  private static final RollupConfig OP_MAINNET = ChainRegistry.embedded().byChainId(10).orElseThrow().config();

  static JsonNode opMainnetBlock(long number) {
    return EngineFixtures.vector(OP_MAINNET_DIR + "l2/" + number + ".block.json");
  }

  @Test
  void opMainnetBlocksVerifyAndKeepEveryTransactionExactly() {
    JsonNode expected = EngineFixtures.vector(OP_MAINNET_DIR + "expected.json").get("expected_l2_blocks");
    int deposits = 0;
    for (JsonNode e : expected) {
      JsonNode json = opMainnetBlock(e.get("number").longValue());
      ExecutionPayloadEnvelope env = L2BlockJson.envelope(json);
      ExecutionPayload p = env.payload();
      assertEquals(Hash32.fromHex(e.get("hash").textValue()), p.blockHash());
      assertEquals(e.get("number").longValue(), p.blockNumber());
      assertEquals(Hash32.fromHex(e.get("parentHash").textValue()), p.parentHash());
      assertEquals(Hash32.fromHex(e.get("prevRandao").textValue()), p.prevRandao());
      assertEquals(e.get("feeRecipient").textValue(), p.feeRecipient().toHex());
      assertEquals(e.get("gasLimit").longValue(), p.gasLimit());
      assertEquals(e.get("timestamp").longValue(), p.timestamp());
      // Bedrock-era: no withdrawals, no blob fields, no Isthmus root, no beacon root.
      assertEquals(Optional.empty(), p.withdrawals());
      assertEquals(OptionalLong.empty(), p.blobGasUsed());
      assertEquals(Optional.empty(), p.withdrawalsRoot());
      assertEquals(Optional.empty(), env.parentBeaconBlockRoot());
      // The upstream-recorded transaction hashes, in order, from the rebuilt envelopes.
      List<String> hashes = p.transactions().stream().map(tx -> Keccak.hash(tx).toHex()).toList();
      List<String> want = StubEngine.JSON.convertValue(e.get("tx_hashes"), StubEngine.JSON.getTypeFactory()
          .constructCollectionType(List.class, String.class));
      assertEquals(want, hashes);
      for (Bytes tx : p.transactions()) {
        if ((tx.get(0) & 0xff) == DepositTransaction.TYPE) {
          assertEquals(tx, DepositTransaction.decode(tx).encode(), "deposit re-encodes to the same bytes");
          deposits++;
        }
      }
      // Read back the way the core will: origin and sequence number from the L1-info deposit.
      L2BlockRef ref = assertInstanceOf(L2BlockInfoDecoding.Decoded.class, PayloadBlockInfo.decode(OP_MAINNET, p)).info().ref();
      assertEquals(e.get("l1_origin").get("number").longValue(), ref.l1Origin().number());
      assertEquals(e.get("sequence_number").longValue(), ref.sequenceNumber());
    }
    assertTrue(deposits >= 16, "at least one L1-info deposit per block, plus user deposits: " + deposits);
  }

  @Test
  void theStartBlockToo() {
    ExecutionPayload p = L2BlockJson.envelope(opMainnetBlock(109279674)).payload();
    assertEquals(Hash32.fromHex("0x3092205a2fe175bd580ce39e67976c26c98e554504a8c785851a0a5fd82567d9"), p.blockHash());
  }

  @Test
  void opSepoliaEcotoneBlockCarriesWithdrawalsBlobFieldsAndBeaconRoot() {
    JsonNode response = EngineFixtures.vector("h-l2-blocks/hildr/op-sepolia-11065316.eth_getBlockByNumber.json");
    ExecutionPayloadEnvelope env = L2BlockJson.envelope(response.get("result"));
    ExecutionPayload p = env.payload();
    assertEquals(Hash32.fromHex("0x3b1bee7b7c9d9ef0214ec6aa92aee1993e46b58dd4e8e921e7567bae54cee96f"), p.blockHash());
    assertEquals(Optional.of(List.of()), p.withdrawals());
    assertEquals(OptionalLong.of(0), p.blobGasUsed());
    assertEquals(OptionalLong.of(0), p.excessBlobGas());
    assertEquals(Optional.empty(), p.withdrawalsRoot(), "pre-Isthmus: the empty-trie root stays in the header");
    assertEquals(Optional.of(Hash32.fromHex("0x7ada272881c8b928ae6985be67436cdbee284718e592dd311b9e0c897b48f6b7")),
        env.parentBeaconBlockRoot());
    assertEquals(3, p.transactions().size());
    DepositTransaction info = DepositTransaction.decode(p.transactions().get(0));
    assertEquals(Hash32.fromHex("0xb526f7d7fbabb79a10077d83d78d036fbb0e066f363b6a0434d009809c4dbe7a"), info.sourceHash());
    assertEquals(Hash32.fromHex("0xc7e14eba295f2a5278d49ff9039b7faf7ac9dbccad0da8054d7f69985048b782"), info.txHash());
  }

  @Test
  void unichainIsthmusBlockKeepsTheMessagePasserRoot() {
    ExecutionPayloadEnvelope env = L2BlockJson.envelope(unichainIsthmusBlock());
    ExecutionPayload p = env.payload();
    assertEquals(Hash32.fromHex("0xc463a3120c35268f610d969f5608b479332ef10953af77c7a6be806195831196"), p.blockHash());
    assertEquals(Optional.of(Hash32.fromHex("0x62ed62e0391b081bf172f287fbbe75e87d8a6c22f1d3b1f1aef4788c134633d2")),
        p.withdrawalsRoot());
    assertEquals(Optional.of(List.of()), p.withdrawals());
    assertEquals(6, p.transactions().size());
    assertEquals(Optional.of(Hash32.fromHex("0xf6d335a6b2b4fd8fb539cd51a49769df4d53c31a90c54dd270e54542638ff101")),
        env.parentBeaconBlockRoot());
  }

  /** The vector's header and raw transactions as op-geth's block JSON with full transaction objects. */
  static ObjectNode unichainIsthmusBlock() {
    JsonNode vector = EngineFixtures.vector("h-l2-blocks/unichain-sepolia-35535698-isthmus-header.json");
    ObjectNode block = ((ObjectNode) vector.get("header")).deepCopy();
    block.put("hash", vector.get("expected_block_hash").textValue());
    block.putArray("withdrawals");
    block.putArray("uncles");
    ArrayNode txs = block.putArray("transactions");
    vector.get("transactions").forEach(raw -> txs.add(TxObjects.render(Bytes.fromHex(raw.textValue()))));
    return block;
  }

  @Test
  void tamperingIsCaughtAndNamed() {
    assertCaught(b -> depositTx(b).put("mint", "0x1"), "transactions[0]: the rebuilt transaction hashes to");
    assertCaught(b -> {
      depositTx(b).put("isSystemTx", true);
      depositTx(b).remove("hash");
    }, "transactionsRoot: the rebuilt transactions hash to");
    assertCaught(b -> depositTx(b).put("isSystemTx", "yes"), "transactions[0].isSystemTx: expected a boolean");
    assertCaught(b -> b.put("gasUsed", "0x1"), "hash: the block's fields hash to");
    assertCaught(b -> b.put("hash", Hash32.ZERO.toHex()), "hash: the block's fields hash to");
    assertCaught(b -> b.put("difficulty", "0x1"), "difficulty");
    assertCaught(b -> b.put("nonce", "0x0000000000000001"), "nonce");
    assertCaught(b -> b.put("sha3Uncles", Hash32.ZERO.toHex()), "sha3Uncles");
    assertCaught(b -> b.remove("baseFeePerGas"), "baseFeePerGas");
    assertCaught(b -> b.put("extraData", "0x" + "00".repeat(33)), "extraData");
    assertCaught(b -> b.put("parentBeaconBlockRoot", Hash32.ZERO.toHex()), "fork fields");
    assertCaught(b -> ((ArrayNode) b.get("transactions")).set(0, Keccak.hash(new byte[1]).toHex()),
        "expected a full transaction object");
    assertCaught(b -> ((ObjectNode) b.get("transactions").get(2)).put("type", "0x3"), "blob transactions");
    assertCaught(b -> ((ObjectNode) b.get("transactions").get(2)).put("type", "0x9"), "unknown transaction type");
    assertCaught(b -> ((ObjectNode) b.get("transactions").get(2)).put("v", "0x1"), "v");
    assertCaught(b -> b.putArray("withdrawals"), "withdrawals");
  }

  @Test
  void isthmusBlocksMustHaveNoWithdrawals() {
    ObjectNode block = unichainIsthmusBlock();
    ((ArrayNode) block.get("withdrawals")).addObject().put("index", "0x0").put("validatorIndex", "0x0")
        .put("address", "0x" + "00".repeat(20)).put("amount", "0x1");
    MalformedResponseException e = assertThrows(MalformedResponseException.class, () -> L2BlockJson.envelope(block));
    assertTrue(e.getMessage().contains("no withdrawals"), e.getMessage());
  }

  @Test
  void theEmptyOmmersConstantIsTheOneHeadersUse() {
    assertEquals(BlockHeader.EMPTY_OMMERS_HASH.toHex(), opMainnetBlock(109279675).get("sha3Uncles").textValue());
  }

  private static ObjectNode depositTx(ObjectNode block) {
    return (ObjectNode) block.get("transactions").get(0);
  }

  private static void assertCaught(Consumer<ObjectNode> tamper, String fragment) {
    ObjectNode block = opMainnetBlock(109279675).deepCopy();
    tamper.accept(block);
    MalformedResponseException e = assertThrows(MalformedResponseException.class, () -> L2BlockJson.envelope(block));
    assertTrue(e.getMessage().contains(fragment), "\"" + e.getMessage() + "\" should contain \"" + fragment + "\"");
  }
}
