package dev.basalt.adapters.config;

import dev.basalt.core.config.UnsupportedFeature;
import dev.basalt.core.types.Address;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Reads one registry chain or superchain, in either {@link RegistryFormat}.
 *
 * <p>Strictness per table. Refused when unknown: the chain's top level, its hardforks, EIP-1559
 * params, genesis and sub-tables, Alt-DA and interop tables, and the whole superchain config —
 * these can change the chain derived, and a new key there means this build is out of date (the
 * embedded registry is tested to load, so this only bites a hand-edited or newer file). Warned
 * about: names in the roles and addresses inventories beyond the known ones (they grow often;
 * only {@code OptimismPortalProxy} and {@code SystemConfigProxy} matter for derivation, and known
 * names must still hold addresses).
 *
 * <p>Defaults the registry leaves implicit, as op-node's registry conversion applies them:
 * Regolith at genesis, channel timeout 300 before Granite, deposit contract = {@code
 * OptimismPortalProxy}, L1 system config = {@code SystemConfigProxy}; the L1 chain id and
 * protocol-versions address come from the superchain.
 */
final class RegistryChainReader {
  private RegistryChainReader() {}

  static Superchain readSuperchain(ConfigNode n, String dir) {
    List<String> unused = new ArrayList<>();
    String name = n.text("name");
    Address protocolVersions = n.optionalAddress("protocol_versions_addr").orElse(Address.ZERO);
    for (String informational : new String[] {"superchain_config_addr", "op_contracts_manager_addr", "op_contracts_manager_proxy_addr", "safer_safes_addr"}) {
      n.optionalAddress(informational);
    }
    ConfigNode l1 = n.table("l1");
    long l1ChainId = l1.positive("chain_id");
    l1.optionalText("public_rpc");
    l1.optionalText("explorer");
    l1.finish(UnknownKeys.REFUSE, unused);
    n.optionalTable("hardforks").ifPresent(h -> {
      ForkKeys.validateDefaults(h);
      h.finish(UnknownKeys.REFUSE, unused);
    });
    n.finish(UnknownKeys.REFUSE, unused);
    return new Superchain(dir, name, l1ChainId, protocolVersions);
  }

  /** Reads a chain; {@code shortNameOf} maps its display name to its short name. */
  static RegistryChain readChain(ConfigNode root, RegistryFormat f, Superchain superchain, UnaryOperator<String> shortNameOf) {
    List<String> warnings = new ArrayList<>();
    RollupDraft d = new RollupDraft();
    String name = root.text(f.name());
    root.skip(f.metadata().toArray(String[]::new));
    d.l1ChainId = superchain.l1ChainId();
    d.protocolVersionsAddress = superchain.protocolVersionsAddress();
    d.l2ChainId = root.positive(f.chainId());
    d.batchInboxAddress = root.address(f.batchInbox());
    d.blockTimeSeconds = root.positive("block_time");
    d.seqWindowSize = root.positive("seq_window_size");
    d.maxSequencerDriftSeconds = root.positive("max_sequencer_drift");
    readFeatures(root, f, d, warnings);

    ConfigNode hardforks = root.table(f.hardforks());
    ForkKeys.read(hardforks, d, true);
    hardforks.finish(UnknownKeys.REFUSE, warnings);
    d.eip1559 = GenesisReader.eip1559(root.table("optimism"), f.snakeCaseEip1559(), warnings);
    d.genesis = GenesisReader.read(root.table("genesis"), warnings);

    ConfigNode addresses = root.table(f.addresses());
    d.depositContractAddress = addresses.address("OptimismPortalProxy");
    d.l1SystemConfigAddress = addresses.address("SystemConfigProxy");
    RegistryNames.readInventory(addresses, RegistryNames.ADDRESS_KEYS, warnings);
    root.optionalTable(f.roles()).ifPresent(r -> RegistryNames.readInventory(r, RegistryNames.ROLE_KEYS, warnings));
    root.optionalTable("interop").ifPresent(i -> readInterop(i, warnings));
    root.finish(UnknownKeys.REFUSE, warnings);
    String source = root.source() + (f == RegistryFormat.TOML ? "" : " chain " + d.l2ChainId);
    return new RegistryChain(superchain.dir(), shortNameOf.apply(name), name, d.build(source), warnings);
  }

  /** Alt-DA and custom gas tokens: recorded, so the chain is listed but refused when run. */
  private static void readFeatures(ConfigNode root, RegistryFormat f, RollupDraft d, List<String> warnings) {
    String da = root.optionalText(f.dataAvailabilityType()).orElse("eth-da");
    if (!da.equals("eth-da") && !da.equals("alt-da")) {
      throw root.error(f.dataAvailabilityType(), "unknown value \"" + da + "\" (expected eth-da or alt-da)");
    }
    Optional<ConfigNode> altDa = root.optionalTable("alt_da");
    if (da.equals("alt-da") || altDa.isPresent()) {
      d.unsupported.add(UnsupportedFeature.ALT_DA);
    }
    altDa.ifPresent(a -> {
      a.optionalAddress("da_challenge_contract_address");
      a.optionalAddress("da_challenge_address");
      a.optionalText("da_commitment_type");
      a.optionalU63("da_challenge_window");
      a.optionalU63("da_resolve_window");
      a.finish(UnknownKeys.REFUSE, warnings);
    });
    if (root.optionalAddress(f.gasPayingToken()).isPresent()) {
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
