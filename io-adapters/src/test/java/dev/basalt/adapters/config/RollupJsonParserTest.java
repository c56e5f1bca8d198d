package dev.basalt.adapters.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.basalt.core.config.Eip1559Params;
import dev.basalt.core.config.Fork;
import dev.basalt.core.config.RollupConfig;
import dev.basalt.core.config.UnsupportedFeature;
import dev.basalt.core.types.Address;
import dev.basalt.core.types.Hash32;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class RollupJsonParserTest {
  private final ChainRegistry registry = ChainRegistry.embedded();

  private ParsedRollupConfig parse(String json) {
    return RollupJsonParser.parse(json, "rollup.json", registry::eip1559);
  }

  private static ParsedRollupConfig parseNoFallback(String json) {
    return RollupJsonParser.parse(json, "rollup.json", id -> Optional.empty());
  }

  @Test
  void baseOrgNodeMainnet() {
    ParsedRollupConfig p = parse(Vectors.read("base-org-node-mainnet-rollup.json"));
    RollupConfig c = p.config();
    assertEquals(8453, c.l2ChainId());
    assertEquals(1, c.l1ChainId());
    assertEquals(0, c.genesis().l2().number());
    assertTrue(c.genesis().l2().hash().toHex().startsWith("0xf712aa92"));
    assertTrue(c.genesis().l2().hash().toHex().endsWith("73dd"));
    assertEquals(1686789347, c.genesis().l2Time());
    assertEquals(300, c.channelTimeoutBedrock());
    assertEquals(Address.fromHex("0x49048044d57e1c92a77f79988d21fa8faf74e97e"), c.depositContractAddress());
    assertEquals(OptionalLong.of(0), c.forks().activation(Fork.REGOLITH));
    assertEquals(OptionalLong.empty(), c.forks().activation(Fork.CANYON), "file predates the fork-time fields");
    assertEquals(new Eip1559Params(6, 50, 250), c.eip1559(), "from the embedded registry");
    assertEquals(1, p.warnings().size());
    assertTrue(p.warnings().get(0).contains("no chain_op_config"), p.warnings().toString());
    // Same genesis as the registry's Base file.
    assertEquals(registry.byChainId(8453).orElseThrow().config().genesis(), c.genesis());
  }

  @Test
  void baseOrgNodeSepolia() {
    RollupConfig c = parse(Vectors.read("base-org-node-sepolia-rollup.json")).config();
    assertEquals(84532, c.l2ChainId());
    assertEquals(11155111, c.l1ChainId());
    assertTrue(c.genesis().l2().hash().toHex().startsWith("0x0dcc9e08"));
    assertTrue(c.genesis().l2().hash().toHex().endsWith("34e4"));
    assertEquals(25_000_000, c.genesis().systemConfig().gasLimit());
    assertEquals(10, c.eip1559().elasticity());
    assertEquals(Address.ZERO, c.protocolVersionsAddress());
  }

  @Test
  void withoutChainOpConfigAnUnknownChainIsRefused() {
    ConfigException e = assertThrows(ConfigException.class, () -> parseNoFallback(Vectors.read("base-org-node-mainnet-rollup.json")));
    assertTrue(e.getMessage().contains("key 'chain_op_config'"), e.getMessage());
  }

  @Test
  void opSuccinctOpMainnet() {
    RollupConfig c = parseNoFallback(Vectors.read("op-succinct-10-rollup.json")).config();
    assertEquals(10, c.l2ChainId());
    assertEquals(105235063, c.genesis().l2().number());
    assertEquals(1686068903, c.genesis().l2Time());
    assertEquals(Hash32.fromHex("0x00000000000000000000000000000000000000000000000000000000000000bc"), c.genesis().systemConfig().overhead(),
        "short hex quantity left-padded");
    assertEquals(new Eip1559Params(6, 50, 250), c.eip1559(), "from base_fee_params / canyon_base_fee_params");
    assertEquals(OptionalLong.of(1726070401), c.forks().activation(Fork.GRANITE));
    assertEquals(OptionalLong.empty(), c.forks().activation(Fork.HOLOCENE));
    RollupConfig registryOp = registry.byChainId(10).orElseThrow().config();
    assertEquals(registryOp.genesis(), c.genesis());
    assertEquals(registryOp.depositContractAddress(), c.depositContractAddress());
    assertEquals(registryOp.l1SystemConfigAddress(), c.l1SystemConfigAddress());
    for (Fork f : List.of(Fork.REGOLITH, Fork.CANYON, Fork.DELTA, Fork.ECOTONE, Fork.FJORD, Fork.GRANITE)) {
      assertEquals(registryOp.forks().activation(f), c.forks().activation(f), f.toString());
    }
  }

  @Test
  void konaFixtureConfigMatchesTheRegistryOpSepolia() {
    ParsedRollupConfig p = parseNoFallback(Vectors.read("kona-fixture-op-sepolia-holocene-rollup.json"));
    RollupConfig c = p.config();
    RollupConfig reg = registry.byChainId(11155420).orElseThrow().config();
    assertEquals(reg.genesis(), c.genesis());
    assertEquals(reg.eip1559(), c.eip1559());
    assertEquals(reg.batchInboxAddress(), c.batchInboxAddress());
    assertEquals(reg.depositContractAddress(), c.depositContractAddress());
    assertEquals(reg.l1SystemConfigAddress(), c.l1SystemConfigAddress());
    assertEquals(Address.fromHex("0x79add5713b383daa0a138d3c4780c7a1804a8090"), c.protocolVersionsAddress());
    for (Fork f : List.of(Fork.REGOLITH, Fork.CANYON, Fork.DELTA, Fork.ECOTONE, Fork.FJORD, Fork.GRANITE, Fork.HOLOCENE)) {
      assertEquals(reg.forks().activation(f), c.forks().activation(f), f.toString());
    }
    assertEquals(List.of(), p.warnings());
  }

  @Test
  void konaConfigWithoutRegolithIsRefusedNamingTheKey() {
    ConfigException e = assertThrows(ConfigException.class, () -> parseNoFallback(Vectors.read("kona-fixture-op-sepolia-isthmus-rollup.json")));
    assertTrue(e.getMessage().startsWith("rollup.json: key 'regolith_time': missing while canyon_time is set"), e.getMessage());
    String fixed = Vectors.read("kona-fixture-op-sepolia-isthmus-rollup.json").replace("\"canyon_time\"", "\"regolith_time\": 0, \"canyon_time\"");
    RollupConfig c = parseNoFallback(fixed).config();
    assertEquals(1742486400, c.pectraBlobScheduleTime());
    assertEquals(OptionalLong.of(1744905600), c.forks().activation(Fork.ISTHMUS));
    assertEquals(new Eip1559Params(6, 50, 250), c.eip1559());
  }

  private static String minimal(String extra) {
    return """
        {
          "genesis": {
            "l1": {"hash": "0x438335a20d98863a4c0c97999eb2481921ccd28553eac6f913af7c12aec04108", "number": 17422590},
            "l2": {"hash": "0xdbf6a80fef073de06add9b0d14026d6e5a86c85f6d102c36d3d8e9cf89c2afd3", "number": 105235063},
            "l2_time": 1686068903,
            "system_config": {
              "batcherAddr": "0x6887246668a3b87f54deb3b94ba47a6f63f32985",
              "overhead": "0x00000000000000000000000000000000000000000000000000000000000000bc",
              "scalar": "0x00000000000000000000000000000000000000000000000000000000000a6fe0",
              "gasLimit": 30000000
            }
          },
          "block_time": 2, "max_sequencer_drift": 600, "seq_window_size": 3600, "channel_timeout": 300,
          "l1_chain_id": 1, "l2_chain_id": 10, "regolith_time": 0,
          "batch_inbox_address": "0xff00000000000000000000000000000000000010",
          "deposit_contract_address": "0xbeb5fc579115071764c7423a4f12edde41f106ed",
          "l1_system_config_address": "0x229047fed2591dbec1ef1118d64f7af3db9eb290",
          "chain_op_config": {"eip1559Elasticity": 6, "eip1559Denominator": 50, "eip1559DenominatorCanyon": 250}
        """ + extra + "}";
  }

  private static String errorOf(String json) {
    return assertThrows(ConfigException.class, () -> parseNoFallback(json)).getMessage();
  }

  @Test
  void currentOpNodeFieldsParse() {
    RollupConfig c = parseNoFallback(minimal("""
        , "canyon_time": 1704992401, "karst_time": 1783526401, "keep_karst_upgrade_gas": true,
          "delta_time": 1708560000, "ecotone_time": 1710374401, "fjord_time": 1720627201, "granite_time": 1726070401,
          "holocene_time": 1736445601, "isthmus_time": 1746806401, "jovian_time": 1764691201,
          "protocol_versions_address": "0x8062AbC286f5e7D9428a0Ccb9AbD71e50d93b935"
        """)).config();
    assertTrue(c.keepKarstUpgradeGas());
    assertEquals(OptionalLong.of(1783526401), c.forks().activation(Fork.KARST));
    assertEquals(registry.byChainId(10).orElseThrow().config().forks(), c.forks());
  }

  @Test
  void opNodePackedSystemConfigFields() {
    String json = minimal("").replace("\"gasLimit\": 30000000", """
        "gasLimit": 30000000, "eip1559Params": "0x000000fa00000006",
        "operatorFeeParams": "0x00000000000000000000000000000000000000000000abcd0000000000000dcb",
        "minBaseFee": 1000, "daFootprintGasScalar": 400""");
    var sc = parseNoFallback(json).config().genesis().systemConfig();
    assertEquals(250, sc.eip1559Denominator());
    assertEquals(6, sc.eip1559Elasticity());
    assertEquals(0xabcd, sc.operatorFeeScalar());
    assertEquals(0xdcb, sc.operatorFeeConstant());
    assertEquals(1000, sc.minBaseFee());
    assertEquals(400, sc.daFootprintGasScalar());
  }

  @Test
  void unsupportedFeaturesAreRecorded() {
    assertEquals(List.of(UnsupportedFeature.ALT_DA), parseNoFallback(minimal("""
        , "alt_da": {"da_challenge_contract_address": "0x97a2da87d3439b172e6dd027220e01c9cb565b80",
          "da_commitment_type": "KeccakCommitment", "da_challenge_window": 3600, "da_resolve_window": 3600}""")).config().unsupportedFeatures());
    assertEquals(List.of(UnsupportedFeature.ALT_DA), parseNoFallback(minimal(", \"use_plasma\": true")).config().unsupportedFeatures());
    assertEquals(List.of(UnsupportedFeature.INTEROP), parseNoFallback(minimal(", \"interop_time\": 1800000000")).config().unsupportedFeatures());
    assertEquals(List.of(UnsupportedFeature.INTEROP), parseNoFallback(minimal(", \"lagoon_time\": 1800000000")).config().unsupportedFeatures());
    assertEquals(List.of(), parseNoFallback(minimal(", \"alt_da\": null, \"interop_time\": null")).config().unsupportedFeatures());
  }

  @Test
  void badInputErrorsNameTheKey() {
    assertTrue(errorOf(minimal(", \"karst_tim\": 1")).contains("key 'karst_tim': unknown key"));
    assertTrue(errorOf(minimal("").replace("\"block_time\": 2, ", "")).contains("key 'block_time': missing"));
    assertTrue(errorOf(minimal("").replace("\"block_time\": 2", "\"block_time\": 0")).contains("key 'block_time': must be greater than zero"));
    assertTrue(errorOf(minimal("").replace("\"block_time\": 2", "\"block_time\": \"two\"")).contains("key 'block_time': expected an unsigned integer, got \"two\""));
    assertTrue(errorOf(minimal("").replace("\"block_time\": 2", "\"block_time\": -2")).contains("key 'block_time': -2 is outside"));
    assertTrue(errorOf(minimal("").replace("\"gasLimit\": 30000000", "\"gasLimit\": 30000000, \"gasLimitt\": 1"))
        .contains("key 'genesis.system_config.gasLimitt': unknown key"));
    assertTrue(errorOf(minimal("").replace("0xff00000000000000000000000000000000000010", "0xff0000000000000000000000000000000000001"))
        .contains("key 'batch_inbox_address': bad hex"));
    assertTrue(errorOf(minimal("").replace("0xff00000000000000000000000000000000000010", "0xff000000000000000000000000000000000010"))
        .contains("key 'batch_inbox_address': expected 20 bytes, got 19"));
    assertTrue(errorOf(minimal("").replace("\"number\": 17422590", "\"number\": 1.5")).contains("key 'genesis.l1.number': expected an unsigned integer"));
    assertTrue(errorOf(minimal(", \"granite_channel_timeout\": 40")).contains("key 'granite_channel_timeout': 40 is not supported"));
    assertTrue(errorOf(minimal(", \"block_time\": 2")).contains("not valid JSON"), "duplicate key");
    assertTrue(errorOf(minimal(", \"keep_karst_upgrade_gas\": \"yes\"")).contains("key 'keep_karst_upgrade_gas': expected true or false"));
    assertTrue(errorOf(minimal(", \"canyon_time\": 10, \"delta_time\": 5")).contains("fork schedule: DELTA activates at 5"));
    assertTrue(errorOf(minimal("").replace("0xdbf6a80fef073de06add9b0d14026d6e5a86c85f6d102c36d3d8e9cf89c2afd3", "0x" + "0".repeat(64)))
        .contains("key 'genesis.l2': genesis L2 hash must not be zero"));
    assertTrue(errorOf("[1, 2]").contains("expected a table/object at the top level"));
    assertTrue(errorOf("{").contains("rollup.json: not valid JSON"));
  }
}
