package dev.basalt.adapters.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.basalt.core.config.Fork;
import dev.basalt.core.config.RollupConfig;
import dev.basalt.core.config.UnsupportedFeature;
import dev.basalt.core.types.Address;
import dev.basalt.core.types.Hash32;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Every chain of the embedded registry (TOML @ 8336d2ae / 5b055be4) against kona's configs.json
 * (Nov 2025), read here with plain Jackson so the expected side shares no code with the loaders.
 * Differences are not forced away: each one is listed below with its explanation, and any other
 * difference fails.
 */
class KonaCrossCheckTest {
  /** kona snapshot date (configs.json last changed in db4f661a, 2025-11-24). */
  private static final long KONA_SNAPSHOT = 1763942400L;

  /**
   * Forks the registry has and kona's snapshot lacks. All activate after the snapshot and were
   * scheduled after it: Karst everywhere (2026), and late upgrades of chains that lagged behind.
   */
  private static final Set<String> SCHEDULED_AFTER_KONA = Set.of(
      "mainnet/worldchain jovian_time", "sepolia/worldchain jovian_time",
      "mainnet/cyber fjord_time", "mainnet/cyber granite_time", "mainnet/cyber holocene_time",
      "mainnet/funki granite_time", "mainnet/funki holocene_time");

  /** In the registry snapshot but not in kona's (added later: Celo Sepolia, sepolia-devnet-2). */
  private static final Set<Long> NOT_IN_KONA = Set.of(11142220L, 420130015L);

  private final ChainRegistry registry = ChainRegistry.embedded();

  @Test
  void everyRegistryChainAgreesWithKona() throws Exception {
    JsonNode kona = new ObjectMapper().readTree(Vectors.read("kona-configs.json"));
    Map<Long, JsonNode> konaChains = new TreeMap<>();
    Map<Long, Long> konaL1 = new TreeMap<>();
    for (JsonNode s : kona.get("superchains")) {
      for (JsonNode c : s.get("chains")) {
        konaChains.put(c.get("l2_chain_id").asLong(), c);
        konaL1.put(c.get("l2_chain_id").asLong(), s.get("config").get("l1").get("chain_id").asLong());
      }
    }
    List<String> mismatches = new ArrayList<>();
    Set<String> afterKona = new TreeSet<>();
    int compared = 0;
    for (RegistryChain chain : registry.chains()) {
      JsonNode k = konaChains.get(chain.chainId());
      if (k == null) {
        assertTrue(NOT_IN_KONA.contains(chain.chainId()), chain.identifier() + " missing from kona");
        continue;
      }
      compared++;
      compare(chain, k, konaL1.get(chain.chainId()), mismatches, afterKona);
    }
    assertEquals(List.of(), mismatches);
    assertEquals(new TreeSet<>(SCHEDULED_AFTER_KONA), afterKona);
    assertEquals(54, compared);
  }

  private static void compare(RegistryChain chain, JsonNode k, long konaL1, List<String> out, Set<String> afterKona) {
    RollupConfig c = chain.config();
    String id = chain.identifier();
    check(out, id, "l1 chain id", konaL1, c.l1ChainId());
    check(out, id, "block_time", k.get("block_time").asLong(), c.blockTimeSeconds());
    check(out, id, "seq_window_size", k.get("seq_window_size").asLong(), c.seqWindowSize());
    check(out, id, "max_sequencer_drift", k.get("max_sequencer_drift").asLong(), c.maxSequencerDriftSeconds());
    check(out, id, "batch inbox", Address.fromHex(k.get("batch_inbox_address").asText()), c.batchInboxAddress());
    check(out, id, "deposit contract", Address.fromHex(k.get("Addresses").get("OptimismPortalProxy").asText()), c.depositContractAddress());
    check(out, id, "system config", Address.fromHex(k.get("Addresses").get("SystemConfigProxy").asText()), c.l1SystemConfigAddress());
    JsonNode g = k.get("genesis");
    check(out, id, "genesis l1 number", g.get("l1").get("number").asLong(), c.genesis().l1().number());
    check(out, id, "genesis l1 hash", Hash32.fromHex(g.get("l1").get("hash").asText()), c.genesis().l1().hash());
    check(out, id, "genesis l2 number", g.get("l2").get("number").asLong(), c.genesis().l2().number());
    check(out, id, "genesis l2 hash", Hash32.fromHex(g.get("l2").get("hash").asText()), c.genesis().l2().hash());
    check(out, id, "genesis l2 time", g.get("l2_time").asLong(), c.genesis().l2Time());
    JsonNode sc = g.get("system_config");
    check(out, id, "batcher", Address.fromHex(sc.get("batcherAddr").asText()), c.genesis().systemConfig().batcherAddress());
    check(out, id, "overhead", new BigInteger(sc.get("overhead").asText().substring(2), 16), word(c.genesis().systemConfig().overhead()));
    check(out, id, "scalar", new BigInteger(sc.get("scalar").asText().substring(2), 16), word(c.genesis().systemConfig().scalar()));
    check(out, id, "gas limit", sc.get("gasLimit").asLong(), c.genesis().systemConfig().gasLimit());
    JsonNode op = k.get("optimism");
    check(out, id, "elasticity", op.get("eip1559Elasticity").asLong(), c.eip1559().elasticity());
    check(out, id, "denominator", op.get("eip1559Denominator").asLong(), c.eip1559().denominator());
    check(out, id, "denominator canyon", op.get("eip1559DenominatorCanyon").asLong(), c.eip1559().denominatorCanyon());
    boolean konaAltDa = !k.get("alt_da").isNull() || k.get("DataAvailabilityType").asText().equals("alt-da");
    check(out, id, "Alt-DA", konaAltDa, c.unsupportedFeatures().contains(UnsupportedFeature.ALT_DA));
    check(out, id, "custom gas token", !k.get("GasPayingToken").isNull(), c.unsupportedFeatures().contains(UnsupportedFeature.CUSTOM_GAS_TOKEN));
    compareForks(chain, k.get("hardfork_configuration"), out, afterKona);
  }

  private static void compareForks(RegistryChain chain, JsonNode hf, List<String> out, Set<String> afterKona) {
    RollupConfig c = chain.config();
    for (Fork f : Fork.values()) {
      String key = f.name().toLowerCase(Locale.ROOT) + "_time";
      OptionalLong ours = c.forks().activation(f);
      JsonNode theirs = hf.get(key);
      if (f == Fork.REGOLITH) {
        // kona leaves Regolith unset for registry chains; op-node (and Basalt) put it at genesis.
        check(out, chain.identifier(), "kona regolith_time", null, theirs);
        continue;
      }
      if (theirs == null || theirs.isNull()) {
        if (ours.isPresent()) {
          assertTrue(ours.getAsLong() > KONA_SNAPSHOT, chain.identifier() + " " + key + " activates after kona's snapshot");
          if (f != Fork.KARST) {
            afterKona.add(chain.identifier() + " " + key);
          }
        }
        continue;
      }
      check(out, chain.identifier(), key, theirs.asLong(), ours.isPresent() ? ours.getAsLong() : null);
    }
    JsonNode pectra = hf.get("pectra_blob_schedule_time");
    Long konaPectra = pectra == null || pectra.isNull() ? null : pectra.asLong();
    check(out, chain.identifier(), "pectra_blob_schedule_time", konaPectra, c.pectraBlobScheduleTime() < 0 ? null : c.pectraBlobScheduleTime());
  }

  private static BigInteger word(Hash32 h) {
    return new BigInteger(1, h.toArray());
  }

  private static void check(List<String> out, String chain, String what, Object kona, Object ours) {
    if (kona == null ? ours != null : !kona.equals(ours)) {
      out.add(chain + " " + what + ": kona " + kona + ", registry " + ours);
    }
  }
}
