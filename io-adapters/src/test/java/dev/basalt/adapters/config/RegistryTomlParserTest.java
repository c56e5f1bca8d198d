package dev.basalt.adapters.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.basalt.core.config.Fork;
import dev.basalt.core.config.UnsupportedFeature;
import dev.basalt.core.types.Address;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** Strictness of the registry TOML reader, on edited copies of the embedded OP Mainnet file. */
class RegistryTomlParserTest {
  private static final String OP = Resources.read("registry/configs/mainnet/op.toml");
  private static final Superchain MAINNET = RegistryTomlParser.parseSuperchain(
      Resources.read("registry/configs/mainnet/superchain.toml"), "superchain.toml", "mainnet");

  private static RegistryChain parse(String toml) {
    return RegistryTomlParser.parseChain(toml, "op.toml", MAINNET, "op");
  }

  private static String errorOf(String toml) {
    return assertThrows(ConfigException.class, () -> parse(toml)).getMessage();
  }

  @Test
  void superchainSuppliesTheL1() {
    assertEquals(new Superchain("mainnet", "Mainnet", 1, Address.ZERO), MAINNET);
  }

  @Test
  void keepKarstUpgradeGasIsReadNotDropped() {
    assertTrue(parse(OP).config().keepKarstUpgradeGas());
    assertEquals(false, parse(OP.replace("keep_karst_upgrade_gas = true", "keep_karst_upgrade_gas = false")).config().keepKarstUpgradeGas());
    assertEquals(false, parse(OP.replace("keep_karst_upgrade_gas = true", "")).config().keepKarstUpgradeGas(), "default false");
    assertTrue(errorOf(OP.replace("keep_karst_upgrade_gas = true", "keep_karst_upgrade_gas = 1"))
        .contains("key 'hardforks.keep_karst_upgrade_gas': expected true or false"));
  }

  @Test
  void unknownKeysInConsensusTablesAreRefused() {
    assertEquals("op.toml: key 'hardforks.monsoon_time': unknown key; this build does not know what it means, so it refuses to guess",
        errorOf(OP.replace("  karst_time = 1783526401", "  karst_time = 1783526401\n  monsoon_time = 1800000000")));
    assertTrue(errorOf(OP.replace("block_time = 2", "block_time = 2\nchannel_timeout = 300")).contains("key 'channel_timeout': unknown key"));
    assertTrue(errorOf(OP.replace("  eip1559_elasticity = 6", "  eip1559_elasticity = 6\n  eip1559_min_base_fee = 1"))
        .contains("key 'optimism.eip1559_min_base_fee': unknown key"));
    assertTrue(errorOf(OP.replace("    gasLimit = 30000000", "    gasLimit = 30000000\n    minBaseFeee = 1"))
        .contains("key 'genesis.system_config.minBaseFeee': unknown key"));
    assertTrue(errorOf(OP.replace("  l2_time = 1686068903", "  l2_time = 1686068903\n  l1_time = 1"))
        .contains("key 'genesis.l1_time': unknown key"));
  }

  @Test
  void unknownInventoryNamesOnlyWarn() {
    RegistryChain c = parse(OP.replace("[addresses]", "[addresses]\n  FancyNewProxy = \"0x0000000000000000000000000000000000000001\"")
        .replace("[roles]", "[roles]\n  Janitor = \"0x0000000000000000000000000000000000000002\""));
    assertEquals(List.of(
        "op.toml: ignoring unknown informational key 'addresses.FancyNewProxy'",
        "op.toml: ignoring unknown informational key 'roles.Janitor'"), c.warnings());
    assertTrue(errorOf(OP.replace("  ProxyAdminOwner = \"0x5a0Aae59D09fccBdDb6C6CcEB07B7279367C3d2A\"", "  ProxyAdminOwner = \"nope\""))
        .contains("key 'roles.ProxyAdminOwner': expected 0x-prefixed hex"), "known names must still be addresses");
  }

  @Test
  void missingRequiredValuesAreNamed() {
    assertTrue(errorOf(OP.replace("  OptimismPortalProxy = \"0xbEb5Fc579115071764c7423A4f12eDde41f106Ed\"\n", ""))
        .contains("key 'addresses.OptimismPortalProxy': missing"));
    assertTrue(errorOf(OP.replace("[optimism]\n  eip1559_elasticity = 6\n  eip1559_denominator = 50\n  eip1559_denominator_canyon = 250\n", ""))
        .contains("key 'optimism': missing (required table)"));
    assertTrue(errorOf(OP.replace("    gasLimit = 30000000", "    gasLimit = 0")).contains("key 'genesis.system_config.gasLimit': must be greater than zero"));
    assertTrue(errorOf(OP.replace("data_availability_type = \"eth-da\"", "data_availability_type = \"celestia\""))
        .contains("key 'data_availability_type': unknown value"));
    assertTrue(errorOf(OP.replace("chain_id = 10", "chain_id = 10\nchain_id = 11")).contains("not valid TOML"));
  }

  @Test
  void featuresAndOptionalForks() {
    assertEquals(List.of(UnsupportedFeature.CUSTOM_GAS_TOKEN),
        parse(OP.replace("chain_id = 10", "chain_id = 10\ngas_paying_token = \"0x057898f3C43F129a17517B9056D23851F124b19f\"")).config().unsupportedFeatures());
    assertEquals(List.of(UnsupportedFeature.INTEROP),
        parse(OP.replace("  karst_time = 1783526401", "  karst_time = 1783526401\n  lagoon_time = 1800000000")).config().unsupportedFeatures());
    assertEquals(List.of(UnsupportedFeature.ALT_DA), parse(OP + "\n[alt_da]\n  da_challenge_window = 3600\n").config().unsupportedFeatures());
    assertTrue(errorOf(OP + "\n[alt_da]\n  da_challenge_windoww = 3600\n").contains("key 'alt_da.da_challenge_windoww': unknown key"));
    RegistryChain pectra = parse(OP.replace("  isthmus_time", "  pectra_blob_schedule_time = 1742486400\n  isthmus_time"));
    assertEquals(1742486400, pectra.config().pectraBlobScheduleTime());
    assertEquals(OptionalLong.of(0), parse(OP).config().forks().activation(Fork.REGOLITH));
  }
}
