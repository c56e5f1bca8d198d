package dev.basalt.core.upgrade;

import dev.basalt.core.deposit.DepositTransaction;
import dev.basalt.core.types.Address;
import dev.basalt.core.types.Bytes;
import dev.basalt.core.upgrade.data.UpgradeBytecode;
import java.util.List;

/**
 * The six Ecotone upgrade transactions ({@code specs/protocol/ecotone/derivation.md}): deploy
 * L1Block and GasPriceOracle, point their proxies at them, switch the oracle to Ecotone, deploy
 * the EIP-4788 beacon-roots contract.
 */
public final class EcotoneUpgrade {
  public static final Address L1_BLOCK_DEPLOYER = Address.fromHex("0x4210000000000000000000000000000000000000");
  public static final Address GAS_PRICE_ORACLE_DEPLOYER = Address.fromHex("0x4210000000000000000000000000000000000001");
  /** The sender EIP-4788 prescribes for its deployment transaction. */
  public static final Address BEACON_ROOTS_SENDER = Address.fromHex("0x0B799C86a49DEeb90402691F1041aa3AF2d3C875");

  private static final List<DepositTransaction> TRANSACTIONS = List.of(
      UpgradeDeposit.of("Ecotone: L1 Block Deployment", L1_BLOCK_DEPLOYER, null, 375_000,
          UpgradeBytecode.ecotoneL1BlockDeployment()),
      UpgradeDeposit.of("Ecotone: Gas Price Oracle Deployment", GAS_PRICE_ORACLE_DEPLOYER, null, 1_000_000,
          UpgradeBytecode.ecotoneGasPriceOracleDeployment()),
      UpgradeDeposit.of("Ecotone: L1 Block Proxy Update", UpgradeDeposit.PROXY_ADMIN_CALLER, UpgradeDeposit.L1_BLOCK, 50_000,
          UpgradeDeposit.upgradeToCalldata(ContractAddress.create(L1_BLOCK_DEPLOYER, 0))),
      UpgradeDeposit.of("Ecotone: Gas Price Oracle Proxy Update", UpgradeDeposit.PROXY_ADMIN_CALLER,
          UpgradeDeposit.GAS_PRICE_ORACLE, 50_000,
          UpgradeDeposit.upgradeToCalldata(ContractAddress.create(GAS_PRICE_ORACLE_DEPLOYER, 0))),
      UpgradeDeposit.of("Ecotone: Gas Price Oracle Set Ecotone", UpgradeDeposit.DEPOSITOR, UpgradeDeposit.GAS_PRICE_ORACLE,
          80_000, Bytes.fromHex("0x22b90ab3")), // setEcotone()
      UpgradeDeposit.of("Ecotone: beacon block roots contract deployment", BEACON_ROOTS_SENDER, null, 250_000,
          UpgradeBytecode.eip4788Ecotone()));

  private EcotoneUpgrade() {}

  public static List<DepositTransaction> transactions() {
    return TRANSACTIONS;
  }
}
