package dev.basalt.testdata.attributes;

import dev.basalt.core.config.Fork;
import dev.basalt.core.config.RollupConfig;
import dev.basalt.core.config.SystemConfig;
import dev.basalt.core.types.Hash32;

/**
 * What a block's system config reads back as, worked out from the specs rather than from the
 * reader: the L1-info form of the block decides which fields survive ({@code l1-attributes.md} of
 * each fork, the activation block keeping the previous form), the header carries the EIP-1559
 * parameters from Holocene and the minimum base fee from Jovian ({@code exec-engine.md}, with the
 * Canyon defaults written for 0, 0), Jovian's deposit writes 400 for an unset DA-footprint scalar,
 * and the Karst upgrade gas stays only on chains that keep it (SPEC-MAP §2.1.4). Scalars must be
 * canonical version-1 words, which read back unchanged.
 */
final class ReadBackRules {
  private static final int DEFAULT_DA_FOOTPRINT_GAS_SCALAR = 400;

  private ReadBackRules() {}

  static boolean activates(RollupConfig rollup, Fork fork, long time) {
    return rollup.isActive(fork, time) && time >= rollup.blockTimeSeconds() && !rollup.isActive(fork, time - rollup.blockTimeSeconds());
  }

  /** True when the block's L1-info deposit has at least the layout of {@code fork} (Ecotone, Isthmus or Jovian). */
  static boolean carries(RollupConfig rollup, Fork fork, long time) {
    boolean ecotone = rollup.isActive(Fork.ECOTONE, time) && !activates(rollup, Fork.ECOTONE, time);
    return switch (fork) {
      case ECOTONE -> ecotone;
      case ISTHMUS -> ecotone && (postActivation(rollup, Fork.ISTHMUS, time) || postActivation(rollup, Fork.JOVIAN, time));
      case JOVIAN -> ecotone && postActivation(rollup, Fork.JOVIAN, time);
      default -> throw new IllegalArgumentException(fork.toString());
    };
  }

  private static boolean postActivation(RollupConfig rollup, Fork fork, long time) {
    return rollup.isActive(fork, time) && !activates(rollup, fork, time);
  }

  static SystemConfig expected(RollupConfig rollup, SystemConfig built, long time, long karstUpgradeGas) {
    boolean holocene = rollup.isActive(Fork.HOLOCENE, time);
    boolean defaults = activates(rollup, Fork.HOLOCENE, time) || (built.eip1559Denominator() == 0 && built.eip1559Elasticity() == 0);
    long denominator = !holocene ? 0 : defaults ? rollup.eip1559().denominatorCanyon() : built.eip1559Denominator();
    long elasticity = !holocene ? 0 : defaults ? rollup.eip1559().elasticity() : built.eip1559Elasticity();
    boolean operatorFee = rollup.isActive(Fork.ISTHMUS, time) && carries(rollup, Fork.ISTHMUS, time);
    boolean jovianForm = carries(rollup, Fork.JOVIAN, time);
    int daScalar = !jovianForm ? 0 : built.daFootprintGasScalar() == 0 ? DEFAULT_DA_FOOTPRINT_GAS_SCALAR : built.daFootprintGasScalar();
    long gas = activates(rollup, Fork.KARST, time) && rollup.keepKarstUpgradeGas() ? built.gasLimit() + karstUpgradeGas : built.gasLimit();
    return new SystemConfig(built.batcherAddress(), carries(rollup, Fork.ECOTONE, time) ? Hash32.ZERO : built.overhead(), built.scalar(),
        gas, denominator, elasticity, operatorFee ? built.operatorFeeScalar() : 0, operatorFee ? built.operatorFeeConstant() : 0,
        rollup.isActive(Fork.JOVIAN, time) ? built.minBaseFee() : 0, daScalar);
  }
}
