package dev.basalt.adapters.config;

import java.util.List;

/**
 * Names of the registry's informational inventories, from the registry files and kona's {@code
 * AddressList}/{@code Roles}. Names outside these lists are warned about, not refused.
 */
final class RegistryNames {
  private RegistryNames() {}

  static final List<String> ADDRESS_KEYS = List.of(
      "AddressManager", "L1CrossDomainMessengerProxy", "L1ERC721BridgeProxy", "L1StandardBridgeProxy",
      "L2OutputOracleProxy", "OptimismMintableERC20FactoryProxy", "OptimismPortalProxy", "SystemConfigProxy",
      "ProxyAdmin", "SuperchainConfig", "AnchorStateRegistryProxy", "DelayedWETHProxy", "DisputeGameFactoryProxy",
      "FaultDisputeGame", "MIPS", "PermissionedDisputeGame", "PreimageOracle", "DataAvailabilityChallenge",
      "ETHLockboxProxy", "OPContractsManager",
      // kona's spellings of the same contracts
      "L1Erc721BridgeProxy", "OptimismMintableErc20FactoryProxy", "DelayedWethProxy", "Mips");

  static final List<String> ROLE_KEYS = List.of(
      "ProxyAdminOwner", "SystemConfigOwner", "Guardian", "Challenger", "Proposer", "UnsafeBlockSigner", "BatchSubmitter");

  /**
   * Reads an address inventory: known names must hold addresses; unknown names are warned about
   * and skipped, since no derivation rule reads them.
   */
  static void readInventory(ConfigNode table, List<String> known, List<String> warnings) {
    for (String k : table.keys()) {
      if (known.contains(k)) {
        table.optionalAddress(k);
      }
    }
    table.finish(UnknownKeys.WARN, warnings);
  }
}
