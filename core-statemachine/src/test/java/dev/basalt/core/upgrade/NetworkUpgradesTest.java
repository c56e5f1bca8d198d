package dev.basalt.core.upgrade;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.basalt.core.codec.DecodeException;
import dev.basalt.core.config.Fork;
import dev.basalt.core.config.RollupConfig;
import dev.basalt.core.config.TestRollupConfigs;
import dev.basalt.core.deposit.DepositTransaction;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class NetworkUpgradesTest {
  // Canyon 100, Delta 200, Ecotone 300, Fjord 400, Granite 500, Holocene 600, Isthmus 700, Jovian 800, Karst 900.
  private static final RollupConfig STAGGERED = TestRollupConfigs.withForks(TestRollupConfigs.staggered(Fork.KARST), false);

  @Test
  void eachActivationBlockCarriesItsForksTransactions() {
    assertEquals(EcotoneUpgrade.transactions(), NetworkUpgrades.activationDeposits(STAGGERED, 300));
    assertEquals(FjordUpgrade.transactions(), NetworkUpgrades.activationDeposits(STAGGERED, 400));
    assertEquals(IsthmusUpgrade.transactions(), NetworkUpgrades.activationDeposits(STAGGERED, 700));
    assertEquals(JovianUpgrade.transactions(), NetworkUpgrades.activationDeposits(STAGGERED, 800));
    assertEquals(KarstUpgrade.transactions(), NetworkUpgrades.activationDeposits(STAGGERED, 900));
    for (long t : new long[] {100, 200, 298, 302, 500, 600, 902}) {
      assertTrue(NetworkUpgrades.activationDeposits(STAGGERED, t).isEmpty(), "block at " + t);
    }
    assertEquals(List.of(6, 3, 8, 5, 31), List.of(EcotoneUpgrade.transactions().size(), FjordUpgrade.transactions().size(),
        IsthmusUpgrade.transactions().size(), JovianUpgrade.transactions().size(), KarstUpgrade.transactions().size()));
  }

  @Test
  void forksActivatingTogetherComeInForkOrder() {
    RollupConfig together = TestRollupConfigs.withForks(TestRollupConfigs.allAt(Fork.JOVIAN, 100), false);
    List<DepositTransaction> expected = new ArrayList<>(EcotoneUpgrade.transactions());
    expected.addAll(FjordUpgrade.transactions());
    expected.addAll(IsthmusUpgrade.transactions());
    expected.addAll(JovianUpgrade.transactions());
    assertEquals(expected, NetworkUpgrades.activationDeposits(together, 100));
  }

  @Test
  void onlyTheKarstActivationBlockCarriesUpgradeGas() {
    long karst = KarstUpgrade.upgradeGas();
    assertEquals(0, NetworkUpgrades.upgradeGas(STAGGERED, 800));
    assertEquals(karst, NetworkUpgrades.upgradeGas(STAGGERED, 900));
    assertEquals(0, NetworkUpgrades.upgradeGas(STAGGERED, 902));
    assertEquals(40_000_000L + karst, NetworkUpgrades.blockGasLimit(STAGGERED, 900, 40_000_000L));
    assertEquals(40_000_000L, NetworkUpgrades.blockGasLimit(STAGGERED, 902, 40_000_000L));
  }

  @Test
  void rebuildingFromTheActivationBlockStripsTheUpgradeGasUnlessTheChainKeepsIt() {
    long karst = KarstUpgrade.upgradeGas();
    long inflated = 40_000_000L + karst;
    assertEquals(40_000_000L, NetworkUpgrades.systemConfigGasLimit(STAGGERED, 900, inflated));
    assertEquals(inflated, NetworkUpgrades.systemConfigGasLimit(STAGGERED, 902, inflated), "only the activation block");
    RollupConfig keeps = TestRollupConfigs.withForks(TestRollupConfigs.staggered(Fork.KARST), true);
    assertEquals(inflated, NetworkUpgrades.systemConfigGasLimit(keeps, 900, inflated));
    assertThrows(DecodeException.class, () -> NetworkUpgrades.systemConfigGasLimit(STAGGERED, 900, karst - 1));
  }
}
