package dev.basalt.testdata.l1info;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.basalt.core.config.ChainGenesis;
import dev.basalt.core.config.Eip1559Params;
import dev.basalt.core.config.Fork;
import dev.basalt.core.config.ForkSchedule;
import dev.basalt.core.config.RollupConfig;
import dev.basalt.core.config.SystemConfig;
import dev.basalt.core.deposit.DepositTransaction;
import dev.basalt.core.deposit.SourceHash;
import dev.basalt.core.l1info.L1BlockInfo;
import dev.basalt.core.l1info.L1InfoCalldata;
import dev.basalt.core.l1info.L1InfoDeposit;
import dev.basalt.core.l1info.L1InfoForm;
import dev.basalt.core.l1info.L1InfoSystemConfig;
import dev.basalt.core.l1info.L1OriginFields;
import dev.basalt.core.types.Address;
import dev.basalt.core.types.BlockId;
import dev.basalt.core.types.Bytes;
import dev.basalt.core.types.Hash32;
import dev.basalt.core.types.Unsigned;
import dev.basalt.testdata.vectors.Vectors;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;

/**
 * The Bedrock-form L1-attributes deposits of 16 real OP Mainnet L2 blocks (109279674..689,
 * Regolith era): the transaction rebuilt from the RPC fields hashes to the block's hash for it,
 * its calldata round-trips, and {@link L1InfoDeposit#build} reproduces it from the decoded values.
 */
class OpMainnetBedrockBlocksTest {
  /** OP Mainnet as of Sept 2023: Regolith at genesis, Canyon (1704992401) not yet active. */
  private static final RollupConfig OP_MAINNET_REGOLITH = new RollupConfig(1, 10,
      new ChainGenesis(BlockId.ZERO, BlockId.ZERO, 1_686_068_903L,
          new SystemConfig(Address.ZERO, Hash32.ZERO, Hash32.ZERO, 30_000_000, 0, 0, 0, 0, 0, 0)),
      2, 600, 3600, 300, Address.fromHex("0xff00000000000000000000000000000000000010"),
      Address.fromHex("0xbEb5Fc579115071764c7423A4f12eDde41f106Ed"), Address.fromHex("0x229047fed2591dbec1eF1118d64F7aF3dB9EB290"),
      ForkSchedule.builder().at(Fork.REGOLITH, 0).at(Fork.CANYON, 1_704_992_401L).build(), -1, new Eip1559Params(6, 50, 250), true);

  @Test
  void everyBlocksL1InfoDepositMatchesTheChain() {
    JsonNode expected = Vectors.json("op-mainnet-bedrock-blocks/expected.json").get("expected_l2_blocks");
    int checked = 0;
    for (long n = 109_279_674L; n <= 109_279_689L; n++) {
      JsonNode block = Vectors.json("op-mainnet-bedrock-blocks/l2/" + n + ".block.json");
      long timestamp = Unsigned.parse(block.get("timestamp").asText());
      JsonNode t = block.get("transactions").get(0);
      DepositTransaction tx = new DepositTransaction(Hash32.fromHex(t.get("sourceHash").asText()),
          Address.fromHex(t.get("from").asText()), Address.fromHex(t.get("to").asText()),
          quantity(t.get("mint")), quantity(t.get("value")), Unsigned.parse(t.get("gas").asText()), false,
          Bytes.fromHex(t.get("input").asText()));
      assertEquals(Hash32.fromHex(t.get("hash").asText()), tx.txHash(), "block " + n);
      assertEquals(tx, DepositTransaction.decode(tx.encode()));

      L1InfoForm form = L1InfoForm.forBlock(OP_MAINNET_REGOLITH, timestamp);
      assertEquals(L1InfoForm.BEDROCK, form);
      L1BlockInfo info = L1InfoDeposit.parse(tx, form);
      assertEquals(tx.data(), L1InfoCalldata.encode(info), "block " + n);
      assertEquals(SourceHash.l1Info(info.blockHash(), info.sequenceNumber()), tx.sourceHash(), "block " + n);

      SystemConfig system = new SystemConfig(info.batcherAddress(), info.l1FeeOverhead(), info.l1FeeScalar(), 30_000_000, 0, 0, 0, 0, 0, 0);
      L1OriginFields l1 = new L1OriginFields(info.number(), info.timestamp(), info.baseFee(), info.blockHash(), BigInteger.ONE);
      assertEquals(tx, L1InfoDeposit.build(OP_MAINNET_REGOLITH, system, l1, info.sequenceNumber(), timestamp), "block " + n);

      if (n > 109_279_674L) {
        JsonNode e = expected.get((int) (n - 109_279_675L));
        assertEquals(e.get("l1_origin").get("number").asLong(), info.number());
        assertEquals(Hash32.fromHex(e.get("l1_origin").get("hash").asText()), info.blockHash());
        assertEquals(e.get("sequence_number").asLong(), info.sequenceNumber());
        assertEquals(Hash32.fromHex(e.get("tx_hashes").get(0).asText()), tx.txHash());
      }
      checked++;
    }
    assertEquals(16, checked);
  }

  @Test
  void theStartingSafeHeadsSystemConfigIsRebuiltFromItsBlock() {
    JsonNode block = Vectors.json("op-mainnet-bedrock-blocks/l2/109279674.block.json");
    long timestamp = Unsigned.parse(block.get("timestamp").asText());
    Bytes calldata = Bytes.fromHex(block.get("transactions").get(0).get("input").asText());
    L1BlockInfo info = L1InfoCalldata.decode(calldata, L1InfoForm.forBlock(OP_MAINNET_REGOLITH, timestamp));
    SystemConfig rebuilt = L1InfoSystemConfig.rebuild(OP_MAINNET_REGOLITH, timestamp, info,
        Unsigned.parse(block.get("gasLimit").asText()), 0, 0, 0);
    JsonNode expected = Vectors.json("op-mainnet-bedrock-blocks/expected.json").get("start_safe_head").get("system_config");
    assertEquals(new SystemConfig(Address.wrap(Hash32.fromHex(expected.get("batcherHash").asText()).toArray(), 12),
        Hash32.fromHex(String.format("0x%064x", expected.get("l1FeeOverhead").asLong())),
        Hash32.fromHex(String.format("0x%064x", expected.get("l1FeeScalar").asLong())),
        expected.get("gasLimit").asLong(), 0, 0, 0, 0, 0, 0), rebuilt);
  }

  private static BigInteger quantity(JsonNode hex) {
    return hex == null ? BigInteger.ZERO : new BigInteger(hex.asText().substring(2), 16);
  }
}
