package dev.basalt.adapters.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code --chain} selectors: ids, registry names, op-node networks, kona/alloy names. */
class ChainResolutionTest {
  private final ChainRegistry registry = ChainRegistry.embedded();

  private long id(String selector) {
    return registry.resolve(selector).chainId();
  }

  @Test
  void numericIds() {
    assertEquals(10, id("10"));
    assertEquals(8453, id("8453"));
    assertEquals(11155420, id(" 11155420 "));
    UnknownChainException e = assertThrows(UnknownChainException.class, () -> registry.resolve("424242"));
    assertTrue(e.getMessage().contains("424242"), e.getMessage());
    assertThrows(UnknownChainException.class, () -> registry.resolve("99999999999999999999999"));
  }

  @Test
  void everyAliasResolves() {
    // Expected chain ids: op-node legacy names (chains.go), alloy-chains NamedChain ids (named.rs).
    Map<String, Long> expected = new LinkedHashMap<>();
    expected.put("mainnet", 10L);
    expected.put("sepolia", 11155420L);
    expected.put("optimism", 10L);
    expected.put("optimism-sepolia", 11155420L);
    expected.put("optimism_sepolia", 11155420L);
    expected.put("base", 8453L);
    expected.put("base-sepolia", 84532L);
    expected.put("base_sepolia", 84532L);
    expected.put("unichain", 130L);
    expected.put("unichain-sepolia", 1301L);
    expected.put("fraxtal", 252L);
    expected.put("boba", 288L);
    expected.put("world", 480L);
    expected.put("worldchain", 480L);
    expected.put("world-sepolia", 4801L);
    expected.put("worldchain-sepolia", 4801L);
    expected.put("mode", 34443L);
    expected.put("mode-sepolia", 919L);
    expected.put("lisk", 1135L);
    expected.put("soneium", 1868L);
    expected.put("soneium-minato-testnet", 1946L);
    expected.put("celo", 42220L);
    expected.put("celo-sepolia", 11142220L);
    expected.put("ink", 57073L);
    expected.put("ink-sepolia", 763373L);
    expected.put("ink_sepolia_testnet", 763373L);
    expected.put("bob", 60808L);
    expected.put("zora", 7777777L);
    expected.put("zora-sepolia", 999999999L);
    for (Map.Entry<String, Long> e : expected.entrySet()) {
      assertEquals(e.getValue(), id(e.getKey()), e.getKey());
    }
  }

  @Test
  void opNodeNetworkNamesAndIdentifiersForEveryChain() {
    assertEquals(10, id("op-mainnet"));
    assertEquals(11155420, id("op-sepolia"));
    assertEquals(8453, id("base-mainnet"));
    assertEquals(84532, id("base-sepolia"));
    assertEquals(11763072, id("base-devnet-0-sepolia-dev-0"));
    for (RegistryChain c : registry.chains()) {
      assertEquals(c.chainId(), id(c.networkName()), c.networkName());
      assertEquals(c.chainId(), id(c.identifier()), c.identifier());
      assertEquals(c.chainId(), id(Long.toString(c.chainId())));
      assertTrue(registry.namesOf(c).contains(c.networkName()), c.identifier() + " lists its network name");
    }
  }

  @Test
  void namesIgnoreCaseAndUnderscores() {
    assertEquals(10, id("OP-Mainnet"));
    assertEquals(10, id("Optimism"));
    assertEquals(863, id("radius_testnet-sepolia"));
    assertEquals(863, id("radius-testnet-sepolia"));
  }

  @Test
  void uniqueShortNamesResolveAndAmbiguousOnesListTheChoices() {
    assertEquals(1946, id("soneium-minato"), "only sepolia has it");
    assertEquals(183, id("ethernity"));
    UnknownChainException op = assertThrows(UnknownChainException.class, () -> registry.resolve("op"));
    assertEquals(List.of("op-mainnet", "op-sepolia"), op.suggestions());
    assertTrue(op.getMessage().contains("ambiguous"), op.getMessage());
    UnknownChainException cyber = assertThrows(UnknownChainException.class, () -> registry.resolve("cyber"));
    assertEquals(List.of("cyber-mainnet", "cyber-sepolia"), cyber.suggestions());
    assertEquals(288, id("boba"), "alloy's name wins over the ambiguous short name");
  }

  @Test
  void unknownNamesSuggestCloseMatches() {
    UnknownChainException typo = assertThrows(UnknownChainException.class, () -> registry.resolve("op-mainet"));
    assertEquals("op-mainnet", typo.suggestions().get(0));
    assertTrue(typo.getMessage().contains("op-mainnet (OP Mainnet, 10)"), typo.getMessage());
    UnknownChainException partial = assertThrows(UnknownChainException.class, () -> registry.resolve("basemainnet"));
    assertTrue(partial.suggestions().contains("base-mainnet"), partial.suggestions().toString());
    UnknownChainException nothing = assertThrows(UnknownChainException.class, () -> registry.resolve("zzzzzzzzzzzzzz"));
    assertEquals(List.of(), nothing.suggestions());
    assertTrue(nothing.getMessage().contains("basalt registry"), nothing.getMessage());
  }

  @Test
  void editDistance() {
    assertEquals(0, ChainNames.editDistance("base", "base"));
    assertEquals(1, ChainNames.editDistance("op-mainet", "op-mainnet"));
    assertEquals(3, ChainNames.editDistance("kitten", "sitting"));
  }
}
