package dev.basalt.core.upgrade;

import dev.basalt.core.deposit.DepositTransaction;
import dev.basalt.core.types.Address;
import dev.basalt.core.types.Bytes;
import dev.basalt.core.upgrade.data.UpgradeBytecode;
import java.util.List;

/**
 * The three Fjord upgrade transactions ({@code specs/protocol/fjord/derivation.md}): deploy the
 * Fjord GasPriceOracle, point its proxy at it, switch it to Fjord.
 */
public final class FjordUpgrade {
  public static final Address GAS_PRICE_ORACLE_DEPLOYER = Address.fromHex("0x4210000000000000000000000000000000000002");

  private static final List<DepositTransaction> TRANSACTIONS = List.of(
      UpgradeDeposit.of("Fjord: Gas Price Oracle Deployment", GAS_PRICE_ORACLE_DEPLOYER, null, 1_450_000,
          UpgradeBytecode.fjordGasPriceOracleDeployment()),
      UpgradeDeposit.of("Fjord: Gas Price Oracle Proxy Update", UpgradeDeposit.PROXY_ADMIN_CALLER,
          UpgradeDeposit.GAS_PRICE_ORACLE, 50_000,
          UpgradeDeposit.upgradeToCalldata(ContractAddress.create(GAS_PRICE_ORACLE_DEPLOYER, 0))),
      UpgradeDeposit.of("Fjord: Gas Price Oracle Set Fjord", UpgradeDeposit.DEPOSITOR, UpgradeDeposit.GAS_PRICE_ORACLE,
          90_000, Bytes.fromHex("0x8e98b106"))); // setFjord()

  private FjordUpgrade() {}

  public static List<DepositTransaction> transactions() {
    return TRANSACTIONS;
  }
}
