package dev.basalt.adapters.config;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import dev.basalt.core.config.UnsupportedFeature;
import dev.basalt.core.types.Address;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads the superchain registry's TOML: {@code superchain.toml} and the per-chain files.
 *
 * <p>Strictness per table. Refused when unknown: the chain file's top level, {@code [hardforks]},
 * {@code [optimism]}, {@code [genesis]} and its sub-tables, {@code [alt_da]}, {@code [interop]},
 * and all of {@code superchain.toml} — these can change the chain derived, and a new key there
 * means this build is out of date (the embedded registry is tested to load, so this only bites a
 * hand-edited or newer file). Warned about: names in {@code [roles]} and {@code [addresses]}
 * beyond the known ones (contract inventories that grow often; only {@code OptimismPortalProxy}
 * and {@code SystemConfigProxy} matter for derivation, and the values must still be addresses).
 *
 * <p>Defaults the registry leaves implicit, as op-node's registry conversion applies them:
 * Regolith at genesis, channel timeout 300 before Granite, deposit contract = {@code
 * OptimismPortalProxy}, L1 system config = {@code SystemConfigProxy}.
 */
final class RegistryTomlParser {
  private static final TomlMapper TOML = new TomlMapper();

  private RegistryTomlParser() {}

  static JsonNode parseTree(String text, String source) {
    try {
      return TOML.readTree(text);
    } catch (JacksonException e) {
      throw new ConfigException(source + ": not valid TOML: " + e.getOriginalMessage(), e);
    }
  }

  static Superchain parseSuperchain(String text, String source, String dir) {
    ConfigNode root = ConfigNode.root(parseTree(text, source), source);
    List<String> ignored = new ArrayList<>();
    String name = root.text("name");
    Address protocolVersions = root.optionalAddress("protocol_versions_addr").orElse(Address.ZERO);
    root.optionalAddress("superchain_config_addr");
    root.optionalAddress("op_contracts_manager_addr");
    root.optionalAddress("op_contracts_manager_proxy_addr");
    root.optionalAddress("safer_safes_addr");
    ConfigNode l1 = root.table("l1");
    long l1ChainId = l1.positive("chain_id");
    l1.optionalText("public_rpc");
    l1.optionalText("explorer");
    l1.finish(UnknownKeys.REFUSE, ignored);
    root.optionalTable("hardforks").ifPresent(h -> {
      ForkKeys.validateDefaults(h);
      h.finish(UnknownKeys.REFUSE, ignored);
    });
    root.finish(UnknownKeys.REFUSE, ignored);
    return new Superchain(dir, name, l1ChainId, protocolVersions);
  }

  static RegistryChain parseChain(String text, String source, Superchain superchain, String shortName) {
    ConfigNode root = ConfigNode.root(parseTree(text, source), source);
    List<String> warnings = new ArrayList<>();
    RollupDraft d = new RollupDraft();
    String name = root.text("name");
    root.skip("public_rpc", "sequencer_rpc", "explorer", "superchain_level", "governed_by_optimism", "superchain_time");
    d.l1ChainId = superchain.l1ChainId();
    d.protocolVersionsAddress = superchain.protocolVersionsAddress();
    d.l2ChainId = root.positive("chain_id");
    d.batchInboxAddress = root.address("batch_inbox_addr");
    d.blockTimeSeconds = root.positive("block_time");
    d.seqWindowSize = root.positive("seq_window_size");
    d.maxSequencerDriftSeconds = root.positive("max_sequencer_drift");
    readFeatures(root, d);

    ConfigNode hardforks = root.table("hardforks");
    ForkKeys.read(hardforks, d, true);
    hardforks.finish(UnknownKeys.REFUSE, warnings);
    d.eip1559 = GenesisReader.eip1559(root.table("optimism"), true, warnings);
    d.genesis = GenesisReader.read(root.table("genesis"), warnings);

    ConfigNode addresses = root.table("addresses");
    d.depositContractAddress = addresses.address("OptimismPortalProxy");
    d.l1SystemConfigAddress = addresses.address("SystemConfigProxy");
    RegistryNames.readInventory(addresses, RegistryNames.ADDRESS_KEYS, warnings);
    root.optionalTable("roles").ifPresent(r -> RegistryNames.readInventory(r, RegistryNames.ROLE_KEYS, warnings));
    root.optionalTable("interop").ifPresent(i -> readInterop(i, warnings));
    root.finish(UnknownKeys.REFUSE, warnings);
    return new RegistryChain(superchain.dir(), shortName, name, d.build(source), warnings);
  }

  /** Alt-DA and custom gas tokens: recorded, so the chain is listed but refused when run. */
  private static void readFeatures(ConfigNode root, RollupDraft d) {
    String da = root.optionalText("data_availability_type").orElse("eth-da");
    if (!da.equals("eth-da") && !da.equals("alt-da")) {
      throw root.error("data_availability_type", "unknown value \"" + da + "\" (expected eth-da or alt-da)");
    }
    Optional<ConfigNode> altDa = root.optionalTable("alt_da");
    if (da.equals("alt-da") || altDa.isPresent()) {
      d.unsupported.add(UnsupportedFeature.ALT_DA);
    }
    altDa.ifPresent(a -> {
      a.optionalAddress("da_challenge_contract_address");
      a.optionalText("da_commitment_type");
      a.optionalU63("da_challenge_window");
      a.optionalU63("da_resolve_window");
      a.finish(UnknownKeys.REFUSE, new ArrayList<>());
    });
    if (root.optionalAddress("gas_paying_token").isPresent()) {
      d.unsupported.add(UnsupportedFeature.CUSTOM_GAS_TOKEN);
    }
  }

  /** {@code [interop.dependencies.<chain id>]}: an interop dependency set, informational until interop is scheduled. */
  private static void readInterop(ConfigNode interop, List<String> warnings) {
    interop.optionalTable("dependencies").ifPresent(deps -> {
      for (String chainId : deps.keys()) {
        deps.table(chainId).finish(UnknownKeys.WARN, warnings);
      }
      deps.finish(UnknownKeys.REFUSE, warnings);
    });
    interop.finish(UnknownKeys.REFUSE, warnings);
  }
}
