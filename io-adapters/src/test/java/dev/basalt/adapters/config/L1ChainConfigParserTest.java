package dev.basalt.adapters.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.basalt.core.config.BlobParams;
import dev.basalt.core.config.L1ChainConfig;
import dev.basalt.core.config.L1Fork;
import dev.basalt.core.config.L1ForkActivation;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class L1ChainConfigParserTest {
  /** go-ethereum params/config.go @ 02b73d4e, typed in independently of the embedded JSON. */
  private static final L1ChainConfig GETH_MAINNET = new L1ChainConfig(1, List.of(
      L1ForkActivation.of(L1Fork.CANCUN, 1710338135, new BlobParams(3, 6, 3338477)),
      L1ForkActivation.of(L1Fork.PRAGUE, 1746612311, new BlobParams(6, 9, 5007716)),
      L1ForkActivation.withoutBlobChange(L1Fork.OSAKA, 1764798551),
      L1ForkActivation.of(L1Fork.BPO1, 1765290071, new BlobParams(10, 15, 8346193)),
      L1ForkActivation.of(L1Fork.BPO2, 1767747671, new BlobParams(14, 21, 11684671))));

  private static final L1ChainConfig GETH_SEPOLIA = new L1ChainConfig(11155111, List.of(
      L1ForkActivation.of(L1Fork.CANCUN, 1706655072, new BlobParams(3, 6, 3338477)),
      L1ForkActivation.of(L1Fork.PRAGUE, 1741159776, new BlobParams(6, 9, 5007716)),
      L1ForkActivation.withoutBlobChange(L1Fork.OSAKA, 1760427360),
      L1ForkActivation.of(L1Fork.BPO1, 1761017184, new BlobParams(10, 15, 8346193)),
      L1ForkActivation.of(L1Fork.BPO2, 1761607008, new BlobParams(14, 21, 11684671))));

  private static ParsedL1ChainConfig parse(String json) {
    return L1ChainConfigParser.parse(json, "l1.json");
  }

  @Test
  void embeddedConfigsMatchGoEthereum() {
    assertEquals(GETH_MAINNET, EmbeddedL1Configs.forChainId(1).orElseThrow());
    assertEquals(GETH_SEPOLIA, EmbeddedL1Configs.forChainId(11155111).orElseThrow());
    assertEquals(List.of(), parse(Resources.read("l1/mainnet.json")).warnings());
    assertEquals(List.of(), parse(Resources.read("l1/sepolia.json")).warnings());
    assertTrue(EmbeddedL1Configs.forChainId(17000).isEmpty());
  }

  @Test
  void readsAFullGenesisFileAndABareConfig() {
    String config = """
        {"chainId": 900, "homesteadBlock": 0, "londonBlock": 0, "terminalTotalDifficulty": 0,
          "depositContractAddress": "0x4242424242424242424242424242424242424242", "ethash": {},
          "shanghaiTime": 0, "cancunTime": 0, "pragueTime": 0, "osakaTime": 100, "bpo1Time": 200,
          "blobSchedule": {"cancun": {"target": 3, "max": 6, "baseFeeUpdateFraction": 3338477},
                           "prague": {"target": 6, "max": 9, "baseFeeUpdateFraction": 5007716},
                           "osaka": {"target": 6, "max": 9, "baseFeeUpdateFraction": 5007716},
                           "bpo1": {"target": 10, "max": 15, "baseFeeUpdateFraction": 8346193}}}""";
    String genesis = "{\"config\": " + config
        + ", \"alloc\": {\"0x0000000000000000000000000000000000000001\": {\"balance\": \"0x1\"}}, \"gasLimit\": \"0x1c9c380\"}";
    ParsedL1ChainConfig p = parse(genesis);
    assertEquals(List.of(), p.warnings());
    L1ChainConfig c = p.config();
    assertEquals(900, c.chainId());
    assertEquals(5007716, c.blobBaseFeeUpdateFraction(150));
    assertEquals(8346193, c.blobBaseFeeUpdateFraction(200));
    assertEquals(OptionalLong.of(100), c.activation(L1Fork.OSAKA));
    assertEquals(c, parse(config).config(), "a bare chain config object");
  }

  @Test
  void preEip7840FilesGetTheFixedCancunAndPragueParameters() {
    ParsedL1ChainConfig p = parse("{\"config\": {\"chainId\": 901, \"cancunTime\": 10, \"pragueTime\": 20}}");
    assertEquals(3338477, p.config().blobBaseFeeUpdateFraction(10));
    assertEquals(5007716, p.config().blobBaseFeeUpdateFraction(20));
    assertEquals(2, p.warnings().size());
  }

  @Test
  void unknownForkTimesWarn() {
    ParsedL1ChainConfig p = parse("{\"chainId\": 902, \"cancunTime\": 0, \"amsterdamTime\": 5, \"zurichTime\": 9,"
        + " \"blobSchedule\": {\"cancun\": {\"target\": 3, \"max\": 6, \"baseFeeUpdateFraction\": 3338477}}}");
    assertEquals(List.of("l1.json: unknown L1 fork 'zurichTime'; assuming it leaves the blob schedule unchanged"), p.warnings());
  }

  @Test
  void badInputErrorsNameTheKey() {
    String base = "{\"config\": {\"chainId\": 903, \"cancunTime\": 0, \"blobSchedule\": {\"cancun\": {\"target\": 3, \"max\": 6, \"baseFeeUpdateFraction\": 3338477}%s}%s}}";
    assertTrue(error(String.format(base, ", \"bpo6\": {\"target\": 1, \"max\": 2, \"baseFeeUpdateFraction\": 3}", ""))
        .contains("key 'config.blobSchedule.bpo6': unknown key"));
    assertTrue(error(String.format(base, "", ", \"bpo1Time\": 5")).contains("key 'config.bpo1Time': scheduled, but blobSchedule has no 'bpo1' entry"));
    assertTrue(error("{\"config\": {\"cancunTime\": 0}}").contains("key 'config.chainId': missing"));
    assertTrue(error("{\"config\": {\"chainId\": 1, \"cancunTime\": 0, \"blobSchedule\": {\"cancun\": {\"target\": 3, \"max\": 6, \"baseFeeUpdateFraction\": 0}}}}")
        .contains("key 'config.blobSchedule.cancun.baseFeeUpdateFraction': must be greater than zero"));
    assertTrue(error("{\"config\": {\"chainId\": 1, \"cancunTime\": 0, \"blobSchedule\": {\"cancun\": {\"target\": 3, \"max\": 6, \"baseFeeUpdateFraction\": 1, \"min\": 0}}}}")
        .contains("key 'config.blobSchedule.cancun.min': unknown key"));
    assertTrue(error("{\"config\": {\"chainId\": 1, \"cancunTime\": 0, \"blobSchedule\": {\"cancun\": {\"target\": 7, \"max\": 6, \"baseFeeUpdateFraction\": 1}}}}")
        .contains("key 'config.blobSchedule.cancun.max': is below the target 7"));
    assertTrue(error("{\"config\": {\"chainId\": 1, \"cancunTime\": 20, \"pragueTime\": 10}}").contains("PRAGUE activates at 10, before CANCUN"));
    assertTrue(error("{\"config\": {\"chainId\": 1, \"cancunTime\": \"soon\"}}").contains("key 'config.cancunTime': expected an unsigned integer"));
  }

  private static String error(String json) {
    return assertThrows(ConfigException.class, () -> parse(json)).getMessage();
  }
}
