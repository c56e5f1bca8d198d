package dev.basalt.core.upgrade;

import dev.basalt.core.deposit.DepositTransaction;
import dev.basalt.core.types.Address;
import dev.basalt.core.types.Bytes;
import dev.basalt.core.upgrade.data.UpgradeBytecode;
import java.util.List;

/**
 * The five Jovian upgrade transactions: deploy L1Block and point its proxy at it, deploy
 * GasPriceOracle and point its proxy at it, switch the oracle to Jovian (op-node
 * {@code jovian_upgrade_transactions.go}, kona {@code hardforks/src/jovian.rs}).
 *
 * <p>The intents are the implementations' ("Jovian: L1 Block Deployment", "... Gas Price Oracle
 * ..."), not those of {@code specs/protocol/jovian/derivation.md} ("L1Block", "GasPriceOracle"),
 * which give other source hashes; OP Mainnet history was produced by op-node (SPEC-MAP §3.5).
 */
public final class JovianUpgrade {
  public static final Address L1_BLOCK_DEPLOYER = Address.fromHex("0x4210000000000000000000000000000000000006");
  public static final Address GAS_PRICE_ORACLE_DEPLOYER = Address.fromHex("0x4210000000000000000000000000000000000007");

  private static final List<DepositTransaction> TRANSACTIONS = List.of(
      UpgradeDeposit.of("Jovian: L1 Block Deployment", L1_BLOCK_DEPLOYER, null, 447_315,
          UpgradeBytecode.jovianL1BlockDeployment()),
      UpgradeDeposit.of("Jovian: L1 Block Proxy Update", UpgradeDeposit.PROXY_ADMIN_CALLER, UpgradeDeposit.L1_BLOCK, 50_000,
          UpgradeDeposit.upgradeToCalldata(ContractAddress.create(L1_BLOCK_DEPLOYER, 0))),
      UpgradeDeposit.of("Jovian: Gas Price Oracle Deployment", GAS_PRICE_ORACLE_DEPLOYER, null, 1_750_714,
          UpgradeBytecode.jovianGasPriceOracleDeployment()),
      UpgradeDeposit.of("Jovian: Gas Price Oracle Proxy Update", UpgradeDeposit.PROXY_ADMIN_CALLER,
          UpgradeDeposit.GAS_PRICE_ORACLE, 50_000,
          UpgradeDeposit.upgradeToCalldata(ContractAddress.create(GAS_PRICE_ORACLE_DEPLOYER, 0))),
      UpgradeDeposit.of("Jovian: Gas Price Oracle Set Jovian", UpgradeDeposit.DEPOSITOR, UpgradeDeposit.GAS_PRICE_ORACLE,
          90_000, Bytes.fromHex("0xb3d72079"))); // setJovian()

  private JovianUpgrade() {}

  public static List<DepositTransaction> transactions() {
    return TRANSACTIONS;
  }
}
