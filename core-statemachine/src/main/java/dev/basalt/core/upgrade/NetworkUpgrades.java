package dev.basalt.core.upgrade;

import dev.basalt.core.codec.DecodeException;
import dev.basalt.core.config.Fork;
import dev.basalt.core.config.RollupConfig;
import dev.basalt.core.deposit.DepositTransaction;
import dev.basalt.core.types.Unsigned;
import java.util.ArrayList;
import java.util.List;

/**
 * What fork activation blocks add to a block: upgrade deposits (after the L1-attributes deposit
 * and the user deposits) and, from Karst, upgrade gas on top of the system-config gas limit.
 * Mirrors op-node's {@code PreparePayloadAttributes} and {@code PayloadToSystemConfig}.
 */
public final class NetworkUpgrades {
  private NetworkUpgrades() {}

  /**
   * The upgrade deposits of the L2 block at {@code l2Timestamp}, in fork order: Ecotone, Fjord,
   * Isthmus, Jovian, Karst. Empty for a block that activates none of them.
   */
  public static List<DepositTransaction> activationDeposits(RollupConfig rollup, long l2Timestamp) {
    List<DepositTransaction> out = new ArrayList<>();
    if (rollup.isActivationBlock(Fork.ECOTONE, l2Timestamp)) {
      out.addAll(EcotoneUpgrade.transactions());
    }
    if (rollup.isActivationBlock(Fork.FJORD, l2Timestamp)) {
      out.addAll(FjordUpgrade.transactions());
    }
    if (rollup.isActivationBlock(Fork.ISTHMUS, l2Timestamp)) {
      out.addAll(IsthmusUpgrade.transactions());
    }
    if (rollup.isActivationBlock(Fork.JOVIAN, l2Timestamp)) {
      out.addAll(JovianUpgrade.transactions());
    }
    if (rollup.isActivationBlock(Fork.KARST, l2Timestamp)) {
      out.addAll(KarstUpgrade.transactions());
    }
    return List.copyOf(out);
  }

  /** Gas the block at {@code l2Timestamp} adds to the system-config gas limit: Karst's on its activation block. */
  public static long upgradeGas(RollupConfig rollup, long l2Timestamp) {
    return rollup.isActivationBlock(Fork.KARST, l2Timestamp) ? KarstUpgrade.upgradeGas() : 0;
  }

  /** The payload gas limit: the system config's plus the block's upgrade gas. */
  public static long blockGasLimit(RollupConfig rollup, long l2Timestamp, long systemConfigGasLimit) {
    return Unsigned.addExact(systemConfigGasLimit, upgradeGas(rollup, l2Timestamp));
  }

  /**
   * The system-config gas limit rebuilt from an L2 block's header gas limit (op-node
   * {@code PayloadToSystemConfig}). On the Karst activation block the header carries the upgrade
   * gas on top, which is subtracted again so the next block reverts to the configured limit,
   * unless the chain keeps it ({@code keep_karst_upgrade_gas}, true on OP Mainnet, whose history
   * already has the inflated limit). This happens before the next L1 origin's ConfigUpdate logs
   * are applied, so a {@code setGasLimit} there still wins.
   *
   * @throws DecodeException when an activation block's gas limit is below the upgrade gas, as
   *     op-node reports it: such a block was not built by this protocol
   */
  public static long systemConfigGasLimit(RollupConfig rollup, long blockTimestamp, long headerGasLimit) {
    if (rollup.keepKarstUpgradeGas() || !rollup.isActivationBlock(Fork.KARST, blockTimestamp)) {
      return headerGasLimit;
    }
    long karstGas = KarstUpgrade.upgradeGas();
    if (Long.compareUnsigned(headerGasLimit, karstGas) < 0) {
      throw new DecodeException("karst activation block gas limit " + Unsigned.toString(headerGasLimit)
          + " below upgrade gas " + karstGas);
    }
    return headerGasLimit - karstGas;
  }
}
