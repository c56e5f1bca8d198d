package dev.basalt.adapters.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.basalt.core.config.Eip1559Params;
import dev.basalt.core.config.Fork;
import dev.basalt.core.config.RollupConfig;
import dev.basalt.core.config.UnsupportedFeature;
import dev.basalt.core.types.Address;
import dev.basalt.core.types.Hash32;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The embedded registry against MANIFEST section a and the TOML files' own values. */
class ChainRegistryTest {
  private final ChainRegistry registry = ChainRegistry.embedded();

  private RollupConfig chain(long id) {
    return registry.byChainId(id).orElseThrow().config();
  }

  @Test
  void loadsEveryEmbeddedChainWithoutWarnings() {
    assertEquals(56, registry.chains().size());
    for (RegistryChain c : registry.chains()) {
      assertEquals(List.of(), c.warnings(), c.identifier());
      assertEquals(300, c.config().channelTimeoutBedrock(), c.identifier() + ": registry default channel timeout");
      assertEquals(OptionalLong.of(0), c.config().forks().activation(Fork.REGOLITH), c.identifier() + ": Regolith at genesis");
    }
  }

  @Test
  void opMainnetMatchesTheManifest() {
    RollupConfig op = chain(10);
    assertEquals(17422590, op.genesis().l1().number());
    assertTrue(op.genesis().l1().hash().toHex().startsWith("0x438335a2"));
    assertTrue(op.genesis().l1().hash().toHex().endsWith("4108"));
    assertEquals(105235063, op.genesis().l2().number());
    assertEquals(Hash32.fromHex("0xdbf6a80fef073de06add9b0d14026d6e5a86c85f6d102c36d3d8e9cf89c2afd3"), op.genesis().l2().hash());
    assertEquals(1686068903, op.genesis().l2Time());
    assertEquals(Address.fromHex("0x6887246668a3b87F54DeB3b94Ba47a6f63F32985"), op.genesis().systemConfig().batcherAddress());
    assertEquals(OptionalLong.of(1764691201), op.forks().activation(Fork.JOVIAN));
    assertEquals(OptionalLong.of(1783526401), op.forks().activation(Fork.KARST));
    assertEquals(1, op.l1ChainId());
    assertEquals(2, op.blockTimeSeconds());
    assertEquals(3600, op.seqWindowSize());
    assertEquals(600, op.maxSequencerDriftSeconds());
    assertEquals(Address.fromHex("0xFF00000000000000000000000000000000000010"), op.batchInboxAddress());
    assertEquals(Address.fromHex("0xbEb5Fc579115071764c7423A4f12eDde41f106Ed"), op.depositContractAddress(), "OptimismPortalProxy");
    assertEquals(Address.fromHex("0x229047fed2591dbec1eF1118d64F7aF3dB9EB290"), op.l1SystemConfigAddress(), "SystemConfigProxy");
    assertEquals(new Eip1559Params(6, 50, 250), op.eip1559());
    assertEquals(30_000_000, op.genesis().systemConfig().gasLimit());
    assertTrue(op.keepKarstUpgradeGas(), "OP Mainnet keeps the Karst upgrade gas (SPEC-MAP §2.1.4)");
    assertEquals(-1, op.pectraBlobScheduleTime());
    assertEquals(Address.ZERO, op.protocolVersionsAddress(), "mainnet superchain.toml @ 8336d2ae has no protocol_versions_addr");
    assertTrue(op.isSupported());
  }

  @Test
  void opSepoliaBaseAndBaseSepoliaMatchTheManifest() {
    RollupConfig opSepolia = chain(11155420);
    assertEquals(0, opSepolia.genesis().l2().number());
    assertTrue(opSepolia.genesis().l2().hash().toHex().startsWith("0x102de6ff"));
    assertTrue(opSepolia.genesis().l2().hash().toHex().endsWith("887d"));
    assertEquals(OptionalLong.of(1763568001), opSepolia.forks().activation(Fork.JOVIAN));
    assertEquals(1742486400, opSepolia.pectraBlobScheduleTime());
    assertEquals(11155111, opSepolia.l1ChainId());

    RollupConfig base = chain(8453);
    assertEquals(0, base.genesis().l2().number());
    assertTrue(base.genesis().l2().hash().toHex().startsWith("0xf712aa92"));
    assertTrue(base.genesis().l2().hash().toHex().endsWith("73dd"));
    assertEquals(OptionalLong.of(1764691201), base.forks().activation(Fork.JOVIAN));
    assertEquals(OptionalLong.empty(), base.forks().activation(Fork.KARST), "Base's frozen file predates Karst");
    assertFalse(base.keepKarstUpgradeGas());

    RollupConfig baseSepolia = chain(84532);
    assertEquals(0, baseSepolia.genesis().l2().number());
    assertTrue(baseSepolia.genesis().l2().hash().toHex().startsWith("0x0dcc9e08"));
    assertTrue(baseSepolia.genesis().l2().hash().toHex().endsWith("34e4"));
    assertEquals(25_000_000, baseSepolia.genesis().systemConfig().gasLimit());
    assertEquals(10, baseSepolia.eip1559().elasticity());
  }

  @Test
  void opMainnetForkBoundaries() {
    RollupConfig op = chain(10);
    // Activation blocks from SPEC-MAP §2/§5 (derived there; re-derived here from the timestamps).
    Map<Fork, Long> blocks = new TreeMap<>(Map.of(
        Fork.ECOTONE, 117_387_812L, Fork.ISTHMUS, 135_603_812L, Fork.JOVIAN, 144_546_212L, Fork.KARST, 153_963_812L));
    for (Map.Entry<Fork, Long> e : blocks.entrySet()) {
      long at = op.forks().activation(e.getKey()).orElseThrow();
      assertEquals(e.getValue(), op.l2BlockNumberAt(at), e.getKey() + " activation block");
      assertEquals(at, op.l2TimestampAt(e.getValue()), e.getKey() + " lands exactly on the timestamp");
      assertFalse(op.isActive(e.getKey(), at - 1), e.getKey() + " just before");
      assertTrue(op.isActive(e.getKey(), at), e.getKey() + " at activation");
      assertTrue(op.isActivationBlock(e.getKey(), at));
      assertFalse(op.isActivationBlock(e.getKey(), at + op.blockTimeSeconds()));
      assertFalse(op.isActive(e.getKey(), op.l2TimestampAt(e.getValue() - 1)), "block before activation");
    }
    assertEquals(Fork.KARST, op.forks().latestActive(1783526401));
    assertEquals(Fork.JOVIAN, op.forks().latestActive(1783526400));
  }

  @Test
  void listingShowsForkTimesInOrder() {
    RegistryChain base = registry.resolve("base");
    assertEquals(List.of(Fork.REGOLITH, Fork.CANYON, Fork.DELTA, Fork.ECOTONE, Fork.FJORD, Fork.GRANITE, Fork.HOLOCENE,
        Fork.ISTHMUS, Fork.JOVIAN), List.copyOf(base.forkTimes().keySet()));
    assertEquals(1704992401L, base.forkTimes().get(Fork.CANYON));
    assertEquals("mainnet/base", base.identifier());
    assertEquals("Base", base.displayName());
  }

  @Test
  void keepKarstUpgradeGasPerChain() {
    List<String> keep = registry.chains().stream().filter(c -> c.config().keepKarstUpgradeGas()).map(RegistryChain::identifier).toList();
    // The twelve files with keep_karst_upgrade_gas = true (grep of the registry), by superchain then chain id.
    assertEquals(List.of("mainnet/op", "mainnet/unichain", "mainnet/soneium", "mainnet/ink",
        "sepolia/mode", "sepolia/unichain", "sepolia/metal", "sepolia/soneium-minato", "sepolia/lisk", "sepolia/ink",
        "sepolia/op", "sepolia/zora"), keep);
    // Mode, Metal and Zora mainnet resolve to false (SPEC-MAP §2.1.4, registry PR #1281).
    for (long id : new long[] {34443, 1750, 7777777}) {
      assertFalse(chain(id).keepKarstUpgradeGas(), "chain " + id);
      assertTrue(chain(id).forks().activation(Fork.KARST).isPresent(), "chain " + id + " has Karst");
    }
  }

  @Test
  void unsupportedFeaturesAreRecordedNotFatal() {
    // Expected sets computed from the TOML keys with an independent script (data_availability_type,
    // [alt_da], gas_paying_token, interop/lagoon time).
    assertEquals(List.of(UnsupportedFeature.ALT_DA, UnsupportedFeature.CUSTOM_GAS_TOKEN), chain(42220).unsupportedFeatures(), "Celo");
    assertEquals(List.of(UnsupportedFeature.CUSTOM_GAS_TOKEN), chain(177).unsupportedFeatures(), "HashKey Chain");
    assertEquals(List.of(UnsupportedFeature.ALT_DA), chain(690).unsupportedFeatures(), "Redstone");
    assertEquals(List.of(UnsupportedFeature.ALT_DA, UnsupportedFeature.CUSTOM_GAS_TOKEN), chain(65536).unsupportedFeatures(), "Automata");
    assertEquals(List.of(UnsupportedFeature.ALT_DA, UnsupportedFeature.CUSTOM_GAS_TOKEN), chain(11142220).unsupportedFeatures(), "Celo Sepolia");
    assertTrue(chain(420130015).isSupported(), "sepolia-devnet-2: an interop dependency set but no interop time");
    long unsupported = registry.chains().stream().filter(c -> !c.config().isSupported()).count();
    assertEquals(16, unsupported);
  }

  @Test
  void superchainFieldsReachTheChains() {
    assertEquals(Address.fromHex("0x252CbE9517F731C618961D890D534183822dcC8d"), chain(11763072).protocolVersionsAddress(),
        "sepolia-dev-0 superchain.toml protocol_versions_addr");
    for (RegistryChain c : registry.chains()) {
      long expectedL1 = c.superchain().equals("mainnet") ? 1 : 11155111;
      assertEquals(expectedL1, c.config().l1ChainId(), c.identifier());
    }
  }
}
