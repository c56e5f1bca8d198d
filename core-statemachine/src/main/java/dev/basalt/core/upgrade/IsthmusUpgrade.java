package dev.basalt.core.upgrade;

import dev.basalt.core.deposit.DepositTransaction;
import dev.basalt.core.types.Address;
import dev.basalt.core.types.Bytes;
import dev.basalt.core.upgrade.data.UpgradeBytecode;
import java.util.List;

/**
 * The eight Isthmus upgrade transactions ({@code specs/protocol/isthmus/derivation.md}): deploy
 * L1Block, GasPriceOracle and OperatorFeeVault, point the three proxies at them, switch the oracle
 * to Isthmus, deploy the EIP-2935 block-hash history contract.
 */
public final class IsthmusUpgrade {
  public static final Address L1_BLOCK_DEPLOYER = Address.fromHex("0x4210000000000000000000000000000000000003");
  public static final Address GAS_PRICE_ORACLE_DEPLOYER = Address.fromHex("0x4210000000000000000000000000000000000004");
  public static final Address OPERATOR_FEE_VAULT_DEPLOYER = Address.fromHex("0x4210000000000000000000000000000000000005");
  /** The sender EIP-2935 prescribes for its deployment transaction. */
  public static final Address BLOCK_HASH_HISTORY_SENDER = Address.fromHex("0x3462413Af4609098e1E27A490f554f260213D685");

  private static final List<DepositTransaction> TRANSACTIONS = List.of(
      UpgradeDeposit.of("Isthmus: L1 Block Deployment", L1_BLOCK_DEPLOYER, null, 425_000,
          UpgradeBytecode.isthmusL1BlockDeployment()),
      UpgradeDeposit.of("Isthmus: Gas Price Oracle Deployment", GAS_PRICE_ORACLE_DEPLOYER, null, 1_625_000,
          UpgradeBytecode.isthmusGasPriceOracleDeployment()),
      UpgradeDeposit.of("Isthmus: Operator Fee Vault Deployment", OPERATOR_FEE_VAULT_DEPLOYER, null, 500_000,
          UpgradeBytecode.isthmusOperatorFeeDeployment()),
      proxyUpdate("Isthmus: L1 Block Proxy Update", UpgradeDeposit.L1_BLOCK, L1_BLOCK_DEPLOYER),
      proxyUpdate("Isthmus: Gas Price Oracle Proxy Update", UpgradeDeposit.GAS_PRICE_ORACLE, GAS_PRICE_ORACLE_DEPLOYER),
      proxyUpdate("Isthmus: Operator Fee Vault Proxy Update", UpgradeDeposit.OPERATOR_FEE_VAULT, OPERATOR_FEE_VAULT_DEPLOYER),
      UpgradeDeposit.of("Isthmus: Gas Price Oracle Set Isthmus", UpgradeDeposit.DEPOSITOR, UpgradeDeposit.GAS_PRICE_ORACLE,
          90_000, Bytes.fromHex("0x291b0383")), // setIsthmus()
      UpgradeDeposit.of("Isthmus: EIP-2935 Contract Deployment", BLOCK_HASH_HISTORY_SENDER, null, 250_000,
          UpgradeBytecode.eip2935Isthmus()));

  private IsthmusUpgrade() {}

  private static DepositTransaction proxyUpdate(String intent, Address proxy, Address deployer) {
    return UpgradeDeposit.of(intent, UpgradeDeposit.PROXY_ADMIN_CALLER, proxy, 50_000,
        UpgradeDeposit.upgradeToCalldata(ContractAddress.create(deployer, 0)));
  }

  public static List<DepositTransaction> transactions() {
    return TRANSACTIONS;
  }
}
