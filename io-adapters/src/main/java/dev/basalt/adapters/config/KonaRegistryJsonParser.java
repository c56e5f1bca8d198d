package dev.basalt.adapters.config;

import dev.basalt.core.config.UnsupportedFeature;
import dev.basalt.core.types.Address;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads kona's registry JSON ({@code crates/protocol/registry/etc/configs.json}): {@code
 * superchains[]}, each with a superchain {@code config} and its {@code chains[]} in kona's {@code
 * ChainConfig} serde form (PascalCase metadata, {@code hardfork_configuration}, camelCase {@code
 * optimism}). The same defaults and strictness apply as to the registry TOML it was generated from
 * (see {@link RegistryTomlParser}), with one deliberate difference from kona itself: Regolith is
 * set at genesis, as op-node does for every registry chain, where kona leaves it unset.
 *
 * <p>The format has no per-chain file name, so the short name is made from the display name
 * ({@code "OP Mainnet"} becomes {@code op-mainnet}).
 */
public final class KonaRegistryJsonParser {
  private KonaRegistryJsonParser() {}

  public static List<RegistryChain> parse(String json, String source) {
    ConfigNode root = ConfigNode.root(JsonTrees.parse(json, source), source);
    List<RegistryChain> out = new ArrayList<>();
    List<String> warnings = new ArrayList<>();
    for (ConfigNode s : root.tables("superchains")) {
      String dir = s.text("name");
      Superchain superchain = superchain(s.table("config"), dir, warnings);
      for (ConfigNode c : s.tables("chains")) {
        out.add(chain(c, superchain));
      }
      s.finish(UnknownKeys.REFUSE, warnings);
    }
    root.finish(UnknownKeys.REFUSE, warnings);
    return out;
  }

  private static Superchain superchain(ConfigNode n, String dir, List<String> warnings) {
    String name = n.text("name");
    ConfigNode l1 = n.table("l1");
    long l1ChainId = l1.positive("chain_id");
    l1.optionalText("public_rpc");
    l1.optionalText("explorer");
    l1.finish(UnknownKeys.REFUSE, warnings);
    n.optionalTable("hardforks").ifPresent(h -> {
      ForkKeys.validateDefaults(h);
      h.finish(UnknownKeys.REFUSE, warnings);
    });
    Address protocolVersions = n.optionalAddress("protocol_versions_addr").orElse(Address.ZERO);
    n.optionalAddress("superchain_config_addr");
    n.optionalAddress("op_contracts_manager_proxy_addr");
    n.finish(UnknownKeys.REFUSE, warnings);
    return new Superchain(dir, name, l1ChainId, protocolVersions);
  }

  private static RegistryChain chain(ConfigNode c, Superchain superchain) {
    List<String> warnings = new ArrayList<>();
    RollupDraft d = new RollupDraft();
    String name = c.text("Name");
    c.skip("PublicRPC", "SequencerRPC", "Explorer", "SuperchainLevel", "GovernedByOptimism", "SuperchainTime");
    d.l1ChainId = superchain.l1ChainId();
    d.protocolVersionsAddress = superchain.protocolVersionsAddress();
    d.l2ChainId = c.positive("l2_chain_id");
    d.batchInboxAddress = c.address("batch_inbox_address");
    d.blockTimeSeconds = c.positive("block_time");
    d.seqWindowSize = c.positive("seq_window_size");
    d.maxSequencerDriftSeconds = c.positive("max_sequencer_drift");
    String da = c.optionalText("DataAvailabilityType").orElse("eth-da");
    c.optionalTable("alt_da").ifPresent(a -> {
      d.unsupported.add(UnsupportedFeature.ALT_DA);
      a.optionalAddress("da_challenge_address");
      a.optionalU63("da_challenge_window");
      a.optionalU63("da_resolve_window");
      a.optionalText("da_commitment_type");
      a.finish(UnknownKeys.REFUSE, warnings);
    });
    if (da.equals("alt-da")) {
      d.unsupported.add(UnsupportedFeature.ALT_DA);
    }
    if (c.optionalAddress("GasPayingToken").isPresent()) {
      d.unsupported.add(UnsupportedFeature.CUSTOM_GAS_TOKEN);
    }
    ConfigNode hardforks = c.table("hardfork_configuration");
    ForkKeys.read(hardforks, d, true);
    hardforks.finish(UnknownKeys.REFUSE, warnings);
    d.eip1559 = GenesisReader.eip1559(c.table("optimism"), false, warnings);
    d.genesis = GenesisReader.read(c.table("genesis"), warnings);
    ConfigNode addresses = c.table("Addresses");
    d.depositContractAddress = addresses.address("OptimismPortalProxy");
    d.l1SystemConfigAddress = addresses.address("SystemConfigProxy");
    RegistryNames.readInventory(addresses, RegistryNames.ADDRESS_KEYS, warnings);
    c.optionalTable("Roles").ifPresent(r -> RegistryNames.readInventory(r, RegistryNames.ROLE_KEYS, warnings));
    c.finish(UnknownKeys.REFUSE, warnings);
    String source = c.source() + " chain " + d.l2ChainId;
    return new RegistryChain(superchain.dir(), slug(name), name, d.build(source), warnings);
  }

  static String slug(String displayName) {
    return displayName.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
  }
}
