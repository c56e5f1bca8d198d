package dev.basalt.adapters.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.basalt.core.config.Fork;
import dev.basalt.core.config.RollupConfig;
import dev.basalt.core.config.UnsupportedFeature;
import dev.basalt.core.types.Address;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** kona's configs.json through the kona-form reader; values checked against the registry TOML reader. */
class KonaRegistryJsonParserTest {
  private static final List<RegistryChain> KONA = KonaRegistryJsonParser.parse(Vectors.read("kona-configs.json"), "configs.json");

  @Test
  void readsEveryChain() {
    assertEquals(65, KONA.size());
    for (RegistryChain c : KONA) {
      assertEquals(List.of(), c.warnings(), c.displayName());
    }
    RegistryChain op = KONA.stream().filter(c -> c.chainId() == 10).findFirst().orElseThrow();
    assertEquals("op-mainnet", op.shortName());
    assertEquals(Address.fromHex("0x8062abc286f5e7d9428a0ccb9abd71e50d93b935"), op.config().protocolVersionsAddress(),
        "kona's superchain config still had protocol_versions_addr");
    assertEquals(List.of(UnsupportedFeature.INTEROP),
        KONA.stream().filter(c -> c.chainId() == 420120009).findFirst().orElseThrow().config().unsupportedFeatures(),
        "rehearsal-0-bn schedules interop");
  }

  @Test
  void sharedChainsEqualTheRegistryExceptWhereDocumented() {
    Map<Long, RollupConfig> registry = new TreeMap<>();
    ChainRegistry.embedded().chains().forEach(c -> registry.put(c.chainId(), c.config()));
    int compared = 0;
    for (RegistryChain k : KONA) {
      RollupConfig r = registry.get(k.chainId());
      if (r == null) {
        continue;
      }
      compared++;
      RollupConfig c = k.config();
      assertEquals(r.genesis(), c.genesis(), k.displayName());
      assertEquals(r.eip1559(), c.eip1559(), k.displayName());
      assertEquals(r.unsupportedFeatures(), c.unsupportedFeatures(), k.displayName());
      assertEquals(r.pectraBlobScheduleTime(), c.pectraBlobScheduleTime(), k.displayName());
      for (Fork f : Fork.values()) {
        // KonaCrossCheckTest explains the forks kona's older snapshot lacks.
        if (c.forks().activation(f).isPresent()) {
          assertEquals(r.forks().activation(f), c.forks().activation(f), k.displayName() + " " + f);
        }
      }
    }
    assertEquals(54, compared);
  }

  @Test
  void badInputErrorsNameTheKey() {
    String json = Vectors.read("kona-configs.json");
    String bad = json.replaceFirst("\"canyon_time\": 1704992401,", "\"canyon_time\": 1704992401, \"monsoon_time\": 1,");
    ConfigException e = assertThrows(ConfigException.class, () -> KonaRegistryJsonParser.parse(bad, "configs.json"));
    assertTrue(e.getMessage().contains("'superchains[0].config.hardforks.monsoon_time': unknown key"), e.getMessage());
  }
}
