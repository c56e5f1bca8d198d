package dev.basalt.adapters.config;

import com.fasterxml.jackson.databind.JsonNode;
import dev.basalt.core.config.Eip1559Params;
import dev.basalt.core.config.RollupConfig;
import dev.basalt.core.config.UnsupportedFeature;
import dev.basalt.core.types.Address;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.LongFunction;

/**
 * Reads a {@code rollup.json}: op-node's {@code rollup.Config} JSON and kona's {@code
 * RollupConfig} serde form (same snake_case keys, plus {@code granite_channel_timeout}, {@code
 * interop_message_expiry_window}, {@code superchain_config_address}, and in older kona {@code
 * base_fee_params}/{@code canyon_base_fee_params} instead of {@code chain_op_config}). Both
 * reference nodes reject unknown keys, and so does this reader.
 */
public final class RollupJsonParser {
  /** Granite's channel timeout; op-node hard-codes it, kona makes it a field that every real config sets to 50. */
  static final long GRANITE_CHANNEL_TIMEOUT_BLOCKS = 50;

  private RollupJsonParser() {}

  /**
   * Parses {@code json}. When it has no EIP-1559 defaults ({@code chain_op_config}), {@code
   * eip1559Fallback} may supply them by L2 chain id, as op-node once loaded them from its embedded
   * registry; older {@code rollup.json} files (e.g. Base's) predate the field.
   */
  public static ParsedRollupConfig parse(String json, String source, LongFunction<Optional<Eip1559Params>> eip1559Fallback) {
    return parse(JsonTrees.parse(json, source), source, eip1559Fallback);
  }

  static ParsedRollupConfig parse(JsonNode tree, String source, LongFunction<Optional<Eip1559Params>> eip1559Fallback) {
    ConfigNode root = ConfigNode.root(tree, source);
    List<String> warnings = new ArrayList<>();
    RollupDraft d = new RollupDraft();
    d.genesis = GenesisReader.read(root.table("genesis"), warnings);
    d.blockTimeSeconds = root.positive("block_time");
    d.maxSequencerDriftSeconds = root.positive("max_sequencer_drift");
    d.seqWindowSize = root.positive("seq_window_size");
    d.channelTimeoutBedrock = root.positive("channel_timeout");
    OptionalLong granite = root.optionalU63("granite_channel_timeout");
    if (granite.isPresent() && granite.getAsLong() != GRANITE_CHANNEL_TIMEOUT_BLOCKS) {
      throw root.error("granite_channel_timeout", granite.getAsLong() + " is not supported; Granite fixes the channel timeout at 50 (op-node)");
    }
    d.l1ChainId = root.positive("l1_chain_id");
    d.l2ChainId = root.positive("l2_chain_id");
    ForkKeys.read(root, d, false);
    d.batchInboxAddress = nonZero(root, "batch_inbox_address");
    d.depositContractAddress = nonZero(root, "deposit_contract_address");
    d.l1SystemConfigAddress = root.address("l1_system_config_address");
    d.protocolVersionsAddress = root.optionalAddress("protocol_versions_address").orElse(Address.ZERO);
    root.optionalAddress("superchain_config_address");
    root.optionalU63("interop_message_expiry_window");
    if (root.optionalU63("blobs_data").isPresent()) {
      throw root.error("blobs_data", "a blob start time before Ecotone is not supported");
    }
    readAltDa(root, d, warnings);
    d.eip1559 = eip1559(root, d.l2ChainId, eip1559Fallback, warnings);
    root.finish(UnknownKeys.REFUSE, warnings);
    RollupConfig config = d.build(source);
    return new ParsedRollupConfig(config, warnings);
  }

  private static Address nonZero(ConfigNode n, String key) {
    Address a = n.address(key);
    if (a.equals(Address.ZERO)) {
      throw n.error(key, "must not be the zero address");
    }
    return a;
  }

  private static Eip1559Params eip1559(
      ConfigNode root, long l2ChainId, LongFunction<Optional<Eip1559Params>> fallback, List<String> warnings) {
    Optional<ConfigNode> chainOp = root.optionalTable("chain_op_config");
    Optional<ConfigNode> legacy = root.optionalTable("base_fee_params");
    Optional<ConfigNode> legacyCanyon = root.optionalTable("canyon_base_fee_params");
    if (chainOp.isPresent()) {
      if (legacy.isPresent() || legacyCanyon.isPresent()) {
        throw root.error("base_fee_params", "given together with 'chain_op_config'; use one form");
      }
      return GenesisReader.eip1559(chainOp.get(), false, warnings);
    }
    if (legacy.isPresent() != legacyCanyon.isPresent()) {
      throw root.error(legacy.isPresent() ? "canyon_base_fee_params" : "base_fee_params", "missing; both base fee param tables are needed");
    }
    if (legacy.isPresent()) {
      long elasticity = legacy.get().positive("elasticity_multiplier");
      long denominator = legacy.get().positive("max_change_denominator");
      long canyonElasticity = legacyCanyon.get().positive("elasticity_multiplier");
      long canyon = legacyCanyon.get().positive("max_change_denominator");
      legacy.get().finish(UnknownKeys.REFUSE, warnings);
      legacyCanyon.get().finish(UnknownKeys.REFUSE, warnings);
      if (canyonElasticity != elasticity) {
        throw legacyCanyon.get().error("elasticity_multiplier", "differs from base_fee_params; one elasticity applies to both");
      }
      return new Eip1559Params(elasticity, denominator, canyon);
    }
    Optional<Eip1559Params> known = fallback.apply(l2ChainId);
    if (known.isEmpty()) {
      throw root.error("chain_op_config", "missing; required unless L2 chain " + l2ChainId + " is in the embedded registry");
    }
    warnings.add(root.source() + ": no chain_op_config; using the embedded registry's EIP-1559 parameters for chain " + l2ChainId);
    return known.get();
  }

  /** Alt-DA in any of its spellings (current {@code alt_da}, kona's and op-node's legacy flat keys). */
  private static void readAltDa(ConfigNode root, RollupDraft d, List<String> warnings) {
    root.optionalTable("alt_da").ifPresent(a -> {
      d.unsupported.add(UnsupportedFeature.ALT_DA);
      a.optionalAddress("da_challenge_contract_address");
      a.optionalAddress("da_challenge_address");
      a.optionalText("da_commitment_type");
      a.optionalU63("da_challenge_window");
      a.optionalU63("da_resolve_window");
      a.finish(UnknownKeys.REFUSE, warnings);
    });
    boolean legacy = root.bool("use_plasma", false) | root.bool("use_alt_da", false);
    for (String key : new String[] {"da_challenge_contract_address", "da_challenge_address"}) {
      legacy |= root.optionalAddress(key).filter(a -> !a.equals(Address.ZERO)).isPresent();
    }
    legacy |= root.optionalU63("da_challenge_window").orElse(0) != 0;
    legacy |= root.optionalU63("da_resolve_window").orElse(0) != 0;
    if (legacy) {
      d.unsupported.add(UnsupportedFeature.ALT_DA);
    }
  }
}
