package dev.basalt.adapters.config;

import java.util.List;

/**
 * Key spellings of one registry format. The registry's TOML and kona's JSON rendering of it carry
 * the same fields under different names, and are read by the same {@link RegistryChainReader}.
 */
record RegistryFormat(
    String name,
    String chainId,
    String batchInbox,
    String hardforks,
    boolean snakeCaseEip1559,
    String addresses,
    String roles,
    String gasPayingToken,
    String dataAvailabilityType,
    List<String> metadata) {

  /** {@code superchain/configs/<superchain>/<chain>.toml}. */
  static final RegistryFormat TOML = new RegistryFormat("name", "chain_id", "batch_inbox_addr", "hardforks", true,
      "addresses", "roles", "gas_paying_token", "data_availability_type",
      List.of("public_rpc", "sequencer_rpc", "explorer", "superchain_level", "governed_by_optimism", "superchain_time"));

  /** kona's {@code ChainConfig} serde form, as in {@code configs.json}. */
  static final RegistryFormat KONA = new RegistryFormat("Name", "l2_chain_id", "batch_inbox_address", "hardfork_configuration", false,
      "Addresses", "Roles", "GasPayingToken", "DataAvailabilityType",
      List.of("PublicRPC", "SequencerRPC", "Explorer", "SuperchainLevel", "GovernedByOptimism", "SuperchainTime"));
}
