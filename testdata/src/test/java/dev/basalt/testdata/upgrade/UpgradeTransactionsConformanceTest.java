package dev.basalt.testdata.upgrade;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.JsonNode;
import dev.basalt.core.deposit.DepositTransaction;
import dev.basalt.core.types.Address;
import dev.basalt.core.types.Bytes;
import dev.basalt.core.types.Hash32;
import dev.basalt.core.upgrade.ContractAddress;
import dev.basalt.core.upgrade.EcotoneUpgrade;
import dev.basalt.core.upgrade.FjordUpgrade;
import dev.basalt.core.upgrade.IsthmusUpgrade;
import dev.basalt.core.upgrade.JovianUpgrade;
import dev.basalt.core.upgrade.KarstUpgrade;
import dev.basalt.core.upgrade.NutBundle;
import dev.basalt.testdata.vectors.Vectors;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Upgrade transactions against kona's encoded transactions, the spec tables and SPEC-MAP. */
class UpgradeTransactionsConformanceTest {
  private static final JsonNode SUMMARY = Vectors.json("upgrades/upgrade_txs_summary.json");
  private static final JsonNode SPEC_MAP = Vectors.json("upgrades/spec_map_source_hashes.json");

  @Test
  void ecotoneFjordAndIsthmusEqualKonasEncodedTransactionsByteForByte() {
    assertEqualsKona("ecotone", EcotoneUpgrade.transactions(), 6);
    assertEqualsKona("fjord", FjordUpgrade.transactions(), 3);
    assertEqualsKona("isthmus", IsthmusUpgrade.transactions(), 8);
  }

  private static void assertEqualsKona(String fork, List<DepositTransaction> txs, int count) {
    assertEquals(count, txs.size(), fork);
    for (int i = 0; i < count; i++) {
      Bytes kona = Bytes.fromHex(Vectors.hexFile("upgrades/kona-txs/" + fork + "_tx_" + i + ".hex"));
      assertEquals(kona, txs.get(i).encode(), fork + " tx " + i);
      assertEquals(DepositTransaction.decode(kona), txs.get(i), fork + " tx " + i + " decoded");
    }
  }

  @Test
  void fieldsMatchTheSpecTables() {
    checkSpec("ecotone", EcotoneUpgrade.transactions());
    checkSpec("fjord", FjordUpgrade.transactions());
    checkSpec("isthmus", IsthmusUpgrade.transactions());
  }

  private static void checkSpec(String fork, List<DepositTransaction> txs) {
    JsonNode spec = SUMMARY.get("spec_txs").get(fork);
    assertEquals(spec.size(), txs.size(), fork);
    for (int i = 0; i < spec.size(); i++) {
      JsonNode s = spec.get(i);
      DepositTransaction tx = txs.get(i);
      String where = fork + " " + s.get("title").asText();
      assertEquals(Hash32.fromHex(s.get("sourceHash").asText()), tx.sourceHash(), where);
      assertEquals(Address.fromHex(s.get("from").asText()), tx.from(), where);
      assertEquals(parseGas(s.get("gasLimit").asText()), tx.gasLimit(), where);
      JsonNode to = s.get("to");
      if (to == null || "null".equals(to.asText())) {
        assertNull(tx.to(), where);
      } else {
        assertEquals(Address.fromHex(to.asText()), tx.to(), where);
      }
      if (s.has("deployedTo") && !s.get("title").asText().contains("EIP-2935")) {
        assertEquals(Address.fromHex(s.get("deployedTo").asText()), ContractAddress.create(tx.from(), 0), where);
      }
    }
  }

  /** The spec tables write gas as "375,000" or "0x3d090". */
  private static long parseGas(String text) {
    return text.startsWith("0x") ? Long.parseLong(text.substring(2), 16) : Long.parseLong(text.replace(",", ""));
  }

  @Test
  void jovianUsesTheImplementationsIntentsNotTheSpecTexts() {
    List<DepositTransaction> txs = JovianUpgrade.transactions();
    JsonNode table = SPEC_MAP.get("jovian");
    JsonNode impl = SUMMARY.get("jovian_per_implementations");
    assertEquals(5, txs.size());
    for (int i = 0; i < 5; i++) {
      DepositTransaction tx = txs.get(i);
      assertEquals(Hash32.fromHex(table.get(i).get("source_hash_op_node_kona").asText()), tx.sourceHash(), "tx " + (i + 1));
      if (!table.get(i).get("intent_spec_text").asText().equals(table.get(i).get("intent_op_node_kona").asText())) {
        assertFalse(tx.sourceHash().equals(Hash32.fromHex(table.get(i).get("source_hash_spec_text").asText())), "tx " + (i + 1));
      }
      JsonNode row = impl.get(i);
      assertEquals(Hash32.fromHex(row.get("sourceHash").asText()), tx.sourceHash());
      assertEquals(Address.fromHex(row.get("from").asText()), tx.from());
      assertEquals(row.get("gas").asLong(), tx.gasLimit());
      if (row.get("to").isNull()) {
        assertNull(tx.to());
        String file = row.get("data").asText().split(" ")[0].replace("specs-static-bytecode/", "upgrades/bytecode/");
        assertEquals(Bytes.fromHex(Vectors.hexFile(file)), tx.data());
        assertEquals(Address.fromHex(row.get("deployedTo").asText()), ContractAddress.create(tx.from(), 0));
      } else {
        assertEquals(Address.fromHex(row.get("to").asText()), tx.to());
        assertEquals(Bytes.fromHex(row.get("data").asText()), tx.data());
      }
    }
  }

  @Test
  void karstSourceHashesEqualSpecMapAndNoOtherIntentForm() {
    List<DepositTransaction> txs = KarstUpgrade.transactions();
    JsonNode table = SPEC_MAP.get("karst");
    JsonNode crossCheck = Vectors.json("upgrades/karst/karst_source_hashes.json");
    NutBundle bundle = KarstUpgrade.bundle();
    assertEquals(31, txs.size());
    List<Hash32> ours = new ArrayList<>();
    for (int i = 0; i < 31; i++) {
      DepositTransaction tx = txs.get(i);
      ours.add(tx.sourceHash());
      assertEquals(table.get(i).get("intent").asText(), bundle.transactions().get(i).intent(), "intent " + i);
      assertEquals(Hash32.fromHex(table.get(i).get("source_hash").asText()), tx.sourceHash(), "tx " + i);
      assertEquals(crossCheck.get(i).get("qualified_intent_used_by_code").asText(), bundle.qualifiedIntent(i));
    }
    for (int i = 0; i < 31; i++) {
      assertFalse(ours.contains(Hash32.fromHex(crossCheck.get(i).get("source_hash_spec_variant").asText())), "spec variant " + i);
      assertFalse(ours.contains(Hash32.fromHex(crossCheck.get(i).get("source_hash_legacy_lowercase_variant").asText())),
          "lowercase variant " + i);
    }
  }

  @Test
  void karstTransactionsMatchTheCrossCheckedEncodingOfThePinnedBundle() {
    List<DepositTransaction> txs = KarstUpgrade.transactions();
    JsonNode crossCheck = Vectors.json("upgrades/karst/karst_source_hashes.json");
    for (int i = 0; i < 31; i++) {
      DepositTransaction tx = txs.get(i);
      JsonNode c = crossCheck.get(i);
      assertEquals(Hash32.fromHex(c.get("deposit_tx_hash_derived").asText()), tx.txHash(), "tx " + i);
      assertEquals(c.get("deposit_tx_encoded_len").asInt(), tx.encode().length(), "tx " + i);
      assertEquals(c.get("gasLimit").asLong(), tx.gasLimit());
      assertFalse(tx.isSystemTx());
    }
  }

  /**
   * Pins the shipped bundle: 31 transactions, 55,384,990 gas. The Karst activation on OP Mainnet
   * is reported with 55,370,657 (kona's test, SPEC-MAP), i.e. a later bundle; see PROVENANCE.md.
   */
  @Test
  void karstUpgradeGasOfTheShippedBundle() {
    assertEquals(31, KarstUpgrade.bundle().transactions().size());
    assertEquals(55_384_990L, KarstUpgrade.upgradeGas());
    assertEquals(Vectors.json("upgrades/karst/karst_bundle_summary.json").get("total_gasLimit").asLong(), KarstUpgrade.upgradeGas());
    assertEquals(0, KarstUpgrade.bundle().extraGas());
  }
}
