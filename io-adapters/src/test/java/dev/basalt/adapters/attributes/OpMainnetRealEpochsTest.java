package dev.basalt.adapters.attributes;

import static dev.basalt.adapters.attributes.FixtureJson.bytes;
import static dev.basalt.adapters.attributes.FixtureJson.hash;
import static dev.basalt.adapters.attributes.FixtureJson.quantity;
import static dev.basalt.adapters.attributes.FixtureJson.u64;
import static dev.basalt.adapters.attributes.FixtureJson.vector;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.basalt.adapters.config.ChainRegistry;
import dev.basalt.adapters.config.EmbeddedL1Configs;
import dev.basalt.core.block.BlockHeader;
import dev.basalt.core.config.RollupConfig;
import dev.basalt.core.config.SystemConfig;
import dev.basalt.core.deposit.DepositTransaction;
import dev.basalt.core.derive.L2BlockInfo;
import dev.basalt.core.derive.PrepareOutcome;
import dev.basalt.core.derive.attributes.StatefulAttributesPreparer;
import dev.basalt.core.derive.payload.L2BlockInfoDecoding;
import dev.basalt.core.derive.payload.PayloadBlockInfo;
import dev.basalt.core.engine.PayloadAttributes;
import dev.basalt.core.l1.L1Block;
import dev.basalt.core.types.Address;
import dev.basalt.core.types.BlockId;
import dev.basalt.core.types.Bytes;
import dev.basalt.core.types.Hash32;
import dev.basalt.core.types.L1BlockRef;
import dev.basalt.core.types.Log;
import dev.basalt.core.types.ReceiptLog;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/**
 * Real OP Mainnet derivation (Bedrock/Regolith era, MANIFEST section j): L2 blocks 109279675..689
 * over L1 origins 18090206..208, three epoch starts, one with a real user deposit. The parent of
 * each block is read back from the real L2 block before it; the L1 origin comes from the real L1
 * block and its receipts. The prepared deposits must be the real block's deposits byte for byte,
 * and the other derived fields the real header's.
 */
class OpMainnetRealEpochsTest {
  private static final String DIR = "j-real-derivation/op-mainnet-l1-18090205-18090218/";
  private static final RollupConfig OP_MAINNET = ChainRegistry.embedded().byChainId(10).orElseThrow().config();
  private static final StatefulAttributesPreparer PREPARER =
      new StatefulAttributesPreparer(OP_MAINNET, EmbeddedL1Configs.forChainId(EmbeddedL1Configs.ETHEREUM_MAINNET).orElseThrow());

  @Test
  void theRealBlocksDepositsAndFieldsAreDerived() {
    JsonNode expected = vector(DIR + "expected.json");
    JsonNode blocks = expected.get("expected_l2_blocks");
    assertEquals(15, blocks.size());
    int epochStarts = 0;
    for (int k = 0; k < blocks.size(); k++) {
      JsonNode e = blocks.get(k);
      long number = e.get("number").asLong();
      L2BlockInfo parent = readBack(vector(DIR + "l2/" + (number - 1) + ".block.json"));
      JsonNode parentExpected = k == 0 ? expected.get("start_safe_head") : blocks.get(k - 1);
      assertEquals(originOf(parentExpected), parent.ref().l1Origin());
      assertEquals(parentExpected.get("sequence_number").asLong(), parent.ref().sequenceNumber());

      long originNumber = e.get("l1_origin").get("number").asLong();
      L1Block origin = l1Block(originNumber);
      PrepareOutcome outcome = PREPARER.prepare(parent, origin, e.get("timestamp").asLong());
      PayloadAttributes a = assertInstanceOf(PrepareOutcome.Prepared.class, outcome, outcome::toString).attributes();
      epochStarts += e.get("sequence_number").asLong() == 0 ? 1 : 0;

      JsonNode real = vector(DIR + "l2/" + number + ".block.json");
      int deposits = e.get("deposit_tx_count").asInt();
      assertEquals(realDeposits(real, deposits), a.transactions(), number + ": deposits byte for byte");
      assertEquals(e.get("tx_hashes").get(0).asText(), DepositTransaction.decode(a.transactions().get(0)).txHash().toHex());
      assertEquals(e.get("timestamp").asLong(), a.timestamp());
      assertEquals(hash(e.get("prevRandao")), a.prevRandao());
      assertEquals(Address.fromHex(e.get("feeRecipient").asText()), a.suggestedFeeRecipient());
      assertEquals(e.get("gasLimit").asLong(), a.gasLimit());
      assertEquals(Optional.empty(), a.withdrawals(), "pre-Canyon");
      assertEquals(Optional.empty(), a.parentBeaconBlockRoot(), "pre-Ecotone");
      assertEquals(Optional.empty(), a.eip1559Params(), "pre-Holocene");
      assertTrue(a.noTxPool());
    }
    assertEquals(3, epochStarts);
  }

  private static BlockId originOf(JsonNode block) {
    return new BlockId(hash(block.get("l1_origin").get("hash")), block.get("l1_origin").get("number").asLong());
  }

  /** The real block with only its L1-info deposit as body: all PayloadToBlockRef/SystemConfig read. */
  private static L2BlockInfo readBack(JsonNode block) {
    BlockHeader header = FixtureJson.header(block);
    assertEquals(hash(block.get("hash")), header.hash());
    List<Bytes> l1Info = realDeposits(block, 1);
    L2BlockInfoDecoding d = PayloadBlockInfo.decode(OP_MAINNET, FixtureJson.payload(header, l1Info));
    L2BlockInfo info = assertInstanceOf(L2BlockInfoDecoding.Decoded.class, d, d::toString).info();
    SystemConfig c = info.systemConfig();
    // start_safe_head's system config, as MANIFEST j reads it from the L1-info deposit.
    assertEquals(Address.fromHex("0x6887246668a3b87f54deb3b94ba47a6f63f32985"), c.batcherAddress());
    assertEquals(Hash32.fromHex(String.format("%064x", 188)), c.overhead());
    assertEquals(Hash32.fromHex(String.format("%064x", 684_000)), c.scalar());
    assertEquals(30_000_000, c.gasLimit());
    return info;
  }

  /** The block's first {@code count} transactions, which must be deposits, from their JSON fields (hashes checked). */
  private static List<Bytes> realDeposits(JsonNode block, int count) {
    List<Bytes> out = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      JsonNode tx = block.get("transactions").get(i);
      assertEquals("0x7e", tx.get("type").asText());
      Address to = tx.get("to").isNull() ? null : Address.fromHex(tx.get("to").asText());
      DepositTransaction d = new DepositTransaction(hash(tx.get("sourceHash")), Address.fromHex(tx.get("from").asText()), to,
          quantity(tx.get("mint")), quantity(tx.get("value")), u64(tx.get("gas")), tx.path("isSystemTx").asBoolean(false),
          bytes(tx.get("input")));
      assertEquals(hash(tx.get("hash")), d.txHash(), "deposit rebuilt from its JSON fields");
      out.add(d.encode());
    }
    return out;
  }

  /**
   * The real L1 block with its receipts' logs. Blocks without a receipts file have no portal or
   * SystemConfig log: their logs bloom must say so.
   */
  private static L1Block l1Block(long number) {
    JsonNode b = vector(DIR + "l1/" + number + ".block.json");
    BlockHeader header = FixtureJson.header(b);
    assertEquals(hash(b.get("hash")), header.hash());
    List<ReceiptLog> logs = new ArrayList<>();
    String receipts = DIR + "l1/" + number + ".receipts.json";
    if (FixtureJson.class.getResource("/vectors/" + receipts) != null) {
      for (JsonNode r : vector(receipts)) {
        boolean ok = u64(r.get("status")) == 1;
        for (JsonNode l : r.get("logs")) {
          List<Hash32> topics = new ArrayList<>();
          l.get("topics").forEach(t -> topics.add(hash(t)));
          logs.add(new ReceiptLog(new Log(Address.fromHex(l.get("address").asText()), topics, bytes(l.get("data"))), u64(l.get("logIndex")), ok));
        }
      }
    } else {
      assertFalse(header.logsBloom().mightContain(OP_MAINNET.depositContractAddress()), number + " has no deposits");
      assertFalse(header.logsBloom().mightContain(OP_MAINNET.l1SystemConfigAddress()), number + " has no config updates");
    }
    return new L1Block(new L1BlockRef(header.hash(), number, header.parentHash(), header.timestamp()), header.baseFeePerGas(),
        header.mixHash(), OptionalLong.empty(), Optional.empty(), List.of(), logs);
  }
}
