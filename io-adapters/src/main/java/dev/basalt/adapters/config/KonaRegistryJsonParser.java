package dev.basalt.adapters.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads kona's registry JSON ({@code crates/protocol/registry/etc/configs.json}): {@code
 * superchains[]}, each with a superchain {@code config} and its {@code chains[]} in kona's {@code
 * ChainConfig} serde form (PascalCase metadata, {@code hardfork_configuration}, camelCase {@code
 * optimism}). The same defaults and strictness apply as to the registry TOML it was generated from
 * ({@link RegistryChainReader}), with one deliberate difference from kona itself: Regolith is set
 * at genesis, as op-node does for every registry chain, where kona leaves it unset.
 *
 * <p>The format has no per-chain file name, so the short name is made from the display name
 * ({@code "OP Mainnet"} becomes {@code op-mainnet}).
 */
public final class KonaRegistryJsonParser {
  private KonaRegistryJsonParser() {}

  public static List<RegistryChain> parse(String json, String source) {
    return parse(JsonTrees.parse(json, source), source);
  }

  static List<RegistryChain> parse(JsonNode tree, String source) {
    ConfigNode root = ConfigNode.root(tree, source);
    List<RegistryChain> out = new ArrayList<>();
    List<String> unused = new ArrayList<>();
    for (ConfigNode s : root.tables("superchains")) {
      Superchain superchain = RegistryChainReader.readSuperchain(s.table("config"), s.text("name"));
      for (ConfigNode c : s.tables("chains")) {
        out.add(RegistryChainReader.readChain(c, RegistryFormat.KONA, superchain, KonaRegistryJsonParser::slug));
      }
      s.finish(UnknownKeys.REFUSE, unused);
    }
    root.finish(UnknownKeys.REFUSE, unused);
    return out;
  }

  static String slug(String displayName) {
    return displayName.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
  }
}
