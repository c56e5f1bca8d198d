package dev.basalt.testdata.upgrade;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.basalt.core.types.Address;
import dev.basalt.core.types.Bytes;
import dev.basalt.core.upgrade.NutTransaction;
import dev.basalt.core.upgrade.data.KarstNutBundleData;
import dev.basalt.core.upgrade.data.UpgradeBytecode;
import dev.basalt.testdata.vectors.Vectors;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The generated constant classes hold exactly the data files they were generated from, so a
 * regeneration mistake or a hand edit fails the build.
 */
class GeneratedUpgradeDataTest {
  /** The pinned Karst bundle; see vectors/upgrades/PROVENANCE.md for why this one. */
  static final String KARST_BUNDLE_SHA256 = "6114640baa0348c14c130923992b5107a79d5a0feb03216618f9f93bffb88be5";

  private static Map<String, Supplier<Bytes>> bytecodeByFile() {
    Map<String, Supplier<Bytes>> m = new LinkedHashMap<>();
    m.put("ecotone-l1-block-deployment.txt", UpgradeBytecode::ecotoneL1BlockDeployment);
    m.put("ecotone-gas-price-oracle-deployment.txt", UpgradeBytecode::ecotoneGasPriceOracleDeployment);
    m.put("eip4788_ecotone.hex", UpgradeBytecode::eip4788Ecotone);
    m.put("fjord-gas-price-oracle-deployment.txt", UpgradeBytecode::fjordGasPriceOracleDeployment);
    m.put("isthmus-l1-block-deployment.txt", UpgradeBytecode::isthmusL1BlockDeployment);
    m.put("isthmus-gas-price-oracle-deployment.txt", UpgradeBytecode::isthmusGasPriceOracleDeployment);
    m.put("isthmus-operator-fee-deployment.txt", UpgradeBytecode::isthmusOperatorFeeDeployment);
    m.put("eip2935_isthmus.hex", UpgradeBytecode::eip2935Isthmus);
    m.put("jovian-l1-block-deployment.txt", UpgradeBytecode::jovianL1BlockDeployment);
    m.put("jovian-gas-price-oracle-deployment.txt", UpgradeBytecode::jovianGasPriceOracleDeployment);
    return m;
  }

  @Test
  void everyBytecodeConstantEqualsItsFile() throws IOException {
    Map<String, Supplier<Bytes>> expected = bytecodeByFile();
    TreeSet<String> files = new TreeSet<>();
    try (Stream<Path> s = Files.list(Vectors.path("upgrades/bytecode"))) {
      s.forEach(p -> files.add(p.getFileName().toString()));
    }
    assertEquals(new TreeSet<>(expected.keySet()), files, "every bytecode file has a constant and vice versa");
    for (Map.Entry<String, Supplier<Bytes>> e : expected.entrySet()) {
      Bytes fromFile = Bytes.fromHex(Vectors.hexFile("upgrades/bytecode/" + e.getKey()));
      assertEquals(fromFile, e.getValue().get(), e.getKey());
    }
  }

  @Test
  void karstBundleConstantsEqualTheJsonFieldByField() {
    JsonNode bundle = Vectors.json("upgrades/karst/karst_nut_bundle.json");
    JsonNode txs = bundle.get("transactions");
    List<NutTransaction> generated = KarstNutBundleData.transactions();
    assertEquals(txs.size(), generated.size());
    for (int i = 0; i < txs.size(); i++) {
      JsonNode tx = txs.get(i);
      NutTransaction g = generated.get(i);
      assertEquals(tx.get("intent").asText(), g.intent(), "intent " + i);
      assertEquals(Address.fromHex(tx.get("from").asText()), g.from(), "from " + i);
      if (tx.get("to") == null || tx.get("to").isNull()) {
        assertNull(g.to(), "to " + i);
      } else {
        assertEquals(Address.fromHex(tx.get("to").asText()), g.to(), "to " + i);
      }
      assertEquals(tx.get("gasLimit").asLong(), g.gasLimit(), "gasLimit " + i);
      assertEquals(Bytes.fromHex(tx.get("data").asText()), g.data(), "data " + i);
    }
    assertEquals(bundle.get("metadata").get("version").asText(), KarstNutBundleData.METADATA_VERSION);
    JsonNode extraGas = bundle.get("metadata").get("extraGas");
    assertEquals(extraGas == null ? 0 : extraGas.asLong(), KarstNutBundleData.METADATA_EXTRA_GAS);
  }

  @Test
  void karstBundleIsThePinnedFile() {
    byte[] raw = Vectors.bytes("upgrades/karst/karst_nut_bundle.json");
    assertEquals(KARST_BUNDLE_SHA256, UpgradeDataGenerator.sha256(raw));
    assertEquals(KARST_BUNDLE_SHA256, KarstNutBundleData.BUNDLE_SHA256);
    assertTrue(Vectors.text("upgrades/karst/fork_lock.toml").contains("sha256:" + KARST_BUNDLE_SHA256),
        "the fork lock stored beside the bundle names it");
  }

  /** The checked-in sources are byte for byte what the generator writes today. */
  @Test
  void checkedInSourcesAreTheGeneratorsOutput() throws IOException {
    Path generated = Path.of("../core-statemachine/src/main/java/dev/basalt/core/upgrade/data");
    assumeTrue(Files.isDirectory(generated), "core sources not beside this module");
    assertEquals(UpgradeDataGenerator.bytecodeClass(Vectors.path("upgrades/bytecode")),
        Files.readString(generated.resolve("UpgradeBytecode.java"), StandardCharsets.UTF_8));
    assertEquals(UpgradeDataGenerator.karstClass(Vectors.path("upgrades/karst/karst_nut_bundle.json")),
        Files.readString(generated.resolve("KarstNutBundleData.java"), StandardCharsets.UTF_8));
  }
}
