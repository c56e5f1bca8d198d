package dev.basalt.core.l1info;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.basalt.core.config.Fork;
import dev.basalt.core.config.RollupConfig;
import dev.basalt.core.config.SystemConfig;
import dev.basalt.core.config.TestRollupConfigs;
import dev.basalt.core.sysconfig.EcotoneScalar;
import dev.basalt.core.types.Address;
import dev.basalt.core.types.Hash32;
import dev.basalt.core.upgrade.KarstUpgrade;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;

class L1InfoSystemConfigTest {
  private static final RollupConfig STAGGERED = TestRollupConfigs.withForks(TestRollupConfigs.staggered(Fork.KARST), false);
  private static final Address BATCHER = Address.fromHex("0x" + "ba".repeat(20));
  private static final L1OriginFields L1 = new L1OriginFields(7, 70, BigInteger.TEN, Hash32.fromHex("0x" + "01".repeat(32)), BigInteger.ONE);

  /** Builds the block's deposit from {@code system}, decodes it, and rebuilds the system config. */
  private static SystemConfig roundTrip(RollupConfig rollup, SystemConfig system, long timestamp, long headerGas) {
    L1InfoForm form = L1InfoForm.forBlock(rollup, timestamp);
    L1BlockInfo info = L1InfoDeposit.parse(L1InfoDeposit.build(rollup, system, L1, 0, timestamp), form);
    return L1InfoSystemConfig.rebuild(rollup, timestamp, info, headerGas, system.eip1559Denominator(),
        system.eip1559Elasticity(), system.minBaseFee());
  }

  @Test
  void bedrockBlocksGiveBackOverheadAndScalarWords() {
    SystemConfig system = new SystemConfig(BATCHER, Hash32.fromHex("0x" + "00".repeat(31) + "bc"),
        Hash32.fromHex("0x" + "00".repeat(29) + "0a6fe0"), 30_000_000, 0, 0, 0, 0, 0, 0);
    assertEquals(system, roundTrip(STAGGERED, system, 298, 30_000_000));
  }

  @Test
  void laterBlocksGiveBackEverythingTheDepositCarries() {
    SystemConfig system = new SystemConfig(BATCHER, Hash32.ZERO, EcotoneScalar.encode(810_949, 1368), 40_000_000,
        250, 6, 20_000, 500, 1_000_000_000L, 7);
    assertEquals(system.withOperatorFee(0, 0).withMinBaseFee(0).withDaFootprintGasScalar(0), roundTrip(STAGGERED, system, 302, 40_000_000));
    assertEquals(system.withMinBaseFee(0).withDaFootprintGasScalar(0), roundTrip(STAGGERED, system, 702, 40_000_000));
    assertEquals(system, roundTrip(STAGGERED, system, 902, 40_000_000));
  }

  @Test
  void activationBlocksLoseWhatTheOlderFormCannotCarry() {
    SystemConfig system = new SystemConfig(BATCHER, Hash32.ZERO, EcotoneScalar.encode(3, 2), 40_000_000, 250, 6, 20_000, 500, 9, 7);
    assertEquals(system.withOperatorFee(0, 0).withMinBaseFee(0).withDaFootprintGasScalar(0), roundTrip(STAGGERED, system, 700, 40_000_000),
        "the Isthmus activation block still carries the Ecotone form");
    assertEquals(system.withDaFootprintGasScalar(0), roundTrip(STAGGERED, system, 800, 40_000_000),
        "the Jovian activation block still carries the Isthmus form");
  }

  @Test
  void theKarstActivationBlocksUpgradeGasIsStrippedUnlessKept() {
    SystemConfig system = new SystemConfig(BATCHER, Hash32.ZERO, EcotoneScalar.encode(3, 2), 40_000_000, 250, 6, 0, 0, 0, 400);
    long inflated = 40_000_000 + KarstUpgrade.upgradeGas();
    assertEquals(40_000_000, roundTrip(STAGGERED, system, 900, inflated).gasLimit());
    RollupConfig keeps = TestRollupConfigs.withForks(TestRollupConfigs.staggered(Fork.KARST), true);
    assertEquals(inflated, roundTrip(keeps, system, 900, inflated).gasLimit());
  }
}
