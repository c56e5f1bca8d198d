package dev.basalt.core.upgrade;

import dev.basalt.core.deposit.DepositTransaction;
import dev.basalt.core.deposit.SourceHash;
import dev.basalt.core.types.Address;
import dev.basalt.core.types.Bytes;
import java.math.BigInteger;

/** Shapes shared by the upgrade transactions of every fork. */
public final class UpgradeDeposit {
  /** The L1Block predeploy proxy. */
  public static final Address L1_BLOCK = Address.fromHex("0x4200000000000000000000000000000000000015");
  /** The GasPriceOracle predeploy proxy. */
  public static final Address GAS_PRICE_ORACLE = Address.fromHex("0x420000000000000000000000000000000000000F");
  /** The OperatorFeeVault predeploy proxy (Isthmus). */
  public static final Address OPERATOR_FEE_VAULT = Address.fromHex("0x420000000000000000000000000000000000001B");
  /** Proxy admin calls come from the zero address, which the proxies accept as admin. */
  public static final Address PROXY_ADMIN_CALLER = Address.ZERO;
  /** The depositor account, also used to switch GasPriceOracle modes. */
  public static final Address DEPOSITOR = Address.fromHex("0xdeaddeaddeaddeaddeaddeaddeaddeaddead0001");

  private static final Bytes UPGRADE_TO_SELECTOR = Bytes.fromHex("0x3659cfe6");

  private UpgradeDeposit() {}

  /** An upgrade deposit: source-hash domain 2 over {@code intent}, no mint, no value, not a system tx. */
  public static DepositTransaction of(String intent, Address from, Address to, long gasLimit, Bytes data) {
    return new DepositTransaction(SourceHash.upgrade(intent), from, to, BigInteger.ZERO, BigInteger.ZERO, gasLimit, false, data);
  }

  /** Calldata of {@code upgradeTo(address)} (selector {@code 0x3659cfe6}) on a proxy. */
  public static Bytes upgradeToCalldata(Address implementation) {
    byte[] out = new byte[4 + 32];
    UPGRADE_TO_SELECTOR.copyTo(out, 0);
    implementation.copyTo(out, 4 + 12);
    return Bytes.wrapOwned(out);
  }
}
