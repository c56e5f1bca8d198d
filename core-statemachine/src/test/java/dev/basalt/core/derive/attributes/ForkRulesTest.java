package dev.basalt.core.derive.attributes;

import static dev.basalt.core.derive.attributes.TestChain.GAS_LIMIT;
import static dev.basalt.core.derive.attributes.TestChain.STAGGERED;
import static dev.basalt.core.derive.attributes.TestChain.config;
import static dev.basalt.core.derive.attributes.TestChain.depositLog;
import static dev.basalt.core.derive.attributes.TestChain.l1Block;
import static dev.basalt.core.derive.attributes.TestChain.l1InfoSelector;
import static dev.basalt.core.derive.attributes.TestChain.ok;
import static dev.basalt.core.derive.attributes.TestChain.parent;
import static dev.basalt.core.derive.attributes.TestChain.prepared;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.basalt.core.config.Fork;
import dev.basalt.core.config.ForkSchedule;
import dev.basalt.core.config.RollupConfig;
import dev.basalt.core.config.SystemConfig;
import dev.basalt.core.config.TestRollupConfigs;
import dev.basalt.core.deposit.DepositTransaction;
import dev.basalt.core.derive.PrepareOutcome;
import dev.basalt.core.engine.PayloadAttributes;
import dev.basalt.core.l1.L1Block;
import dev.basalt.core.types.Address;
import dev.basalt.core.types.Bytes;
import dev.basalt.core.types.Hash32;
import dev.basalt.core.upgrade.EcotoneUpgrade;
import dev.basalt.core.upgrade.FjordUpgrade;
import dev.basalt.core.upgrade.IsthmusUpgrade;
import dev.basalt.core.upgrade.JovianUpgrade;
import dev.basalt.core.upgrade.KarstUpgrade;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/**
 * What each fork changes in the attributes (SPEC-MAP §1b, §5, §6), on the staggered schedule
 * Canyon 100, Delta 200, Ecotone 300, Fjord 400, Granite 500, Holocene 600, Isthmus 700, Jovian
 * 800, Karst 900. Expected selectors and lengths are the spec's ({@code l1-attributes.md} of each
 * fork); upgrade transactions are the fork's own lists, checked byte for byte elsewhere.
 */
class ForkRulesTest {
  private static final Address ALICE = Address.fromHex("0x" + "a1".repeat(20));
  private static final DepositTransaction USER_DEPOSIT = new DepositTransaction(Hash32.ZERO, ALICE, ALICE, BigInteger.ONE,
      BigInteger.ZERO, 50_000, false, Bytes.EMPTY);

  /** A mid-epoch block at {@code time}: its origin is the L1 block at or before it, sequence number 1. */
  private static PrepareOutcome.Prepared midEpoch(RollupConfig rollup, long time, SystemConfig config) {
    long origin = time / 12;
    return prepared(new StatefulAttributesPreparer(rollup, TestChain.L1).prepare(parent(time - 2, origin, 0, config),
        l1Block(origin), time));
  }

  /** The first block of the epoch of L1 block {@code time / 12}, whose origin has one user deposit. */
  private static PrepareOutcome.Prepared epochStart(RollupConfig rollup, long time, SystemConfig config) {
    long origin = time / 12;
    L1Block l1 = l1Block(origin, List.of(ok(depositLog(USER_DEPOSIT), 0)));
    return prepared(new StatefulAttributesPreparer(rollup, TestChain.L1).prepare(parent(time - 2, origin - 1, 4, config), l1, time));
  }

  private static List<Bytes> encoded(List<DepositTransaction> txs) {
    return txs.stream().map(DepositTransaction::encode).toList();
  }

  private static DepositTransaction l1InfoTx(PayloadAttributes a) {
    return DepositTransaction.decode(a.transactions().get(0));
  }

  @Test
  void everyBlockHasTheCommonFields() {
    PayloadAttributes a = midEpoch(STAGGERED, 1000, config()).attributes();
    assertEquals(1000, a.timestamp());
    assertEquals(TestChain.mixHash(83), a.prevRandao());
    assertEquals(Address.fromHex("0x4200000000000000000000000000000000000011"), a.suggestedFeeRecipient());
    assertTrue(a.noTxPool());
    assertEquals(GAS_LIMIT, a.gasLimit());
  }

  @Test
  void bedrockHasASystemTransactionWith150MGasAndRegolithAnOrdinaryOneWith1M() {
    RollupConfig late = TestRollupConfigs.withForks(ForkSchedule.builder().at(Fork.REGOLITH, 100).build(), false);
    PayloadAttributes bedrock = midEpoch(late, 50, config()).attributes();
    assertTrue(l1InfoTx(bedrock).isSystemTx());
    assertEquals(150_000_000, l1InfoTx(bedrock).gasLimit());
    assertEquals("0x015d8eb9", l1InfoSelector(bedrock.transactions().get(0)));
    assertEquals(Optional.empty(), bedrock.withdrawals());
    assertEquals(Optional.empty(), bedrock.parentBeaconBlockRoot());
    assertEquals(Optional.empty(), bedrock.eip1559Params());
    assertEquals(OptionalLong.empty(), bedrock.minBaseFee());
    PayloadAttributes regolith = midEpoch(late, 100, config()).attributes();
    assertFalse(l1InfoTx(regolith).isSystemTx());
    assertEquals(1_000_000, l1InfoTx(regolith).gasLimit());
  }

  @Test
  void canyonBringsAnEmptyWithdrawalsList() {
    assertEquals(Optional.empty(), midEpoch(STAGGERED, 98, config()).attributes().withdrawals());
    assertEquals(Optional.of(List.of()), midEpoch(STAGGERED, 100, config()).attributes().withdrawals());
  }

  @Test
  void ecotoneActivationBlockKeepsTheBedrockFormAndAppendsSixUpgradeTxsAfterUserDeposits() {
    PayloadAttributes a = epochStart(STAGGERED, 300, config()).attributes();
    assertEquals("0x015d8eb9", l1InfoSelector(a.transactions().get(0)));
    assertEquals(4 + 8 * 32, l1InfoTx(a).data().length());
    assertEquals(USER_DEPOSIT.data(), DepositTransaction.decode(a.transactions().get(1)).data());
    assertEquals(encoded(EcotoneUpgrade.transactions()), a.transactions().subList(2, a.transactions().size()));
    assertEquals(8, a.transactions().size());
    assertEquals(Optional.of(TestChain.beaconRoot(25)), a.parentBeaconBlockRoot());
    assertEquals(Optional.empty(), midEpoch(STAGGERED, 298, config()).attributes().parentBeaconBlockRoot());
  }

  @Test
  void afterEcotoneTheDepositIsPackedAndAMissingBeaconRootIsZero() {
    PayloadAttributes a = midEpoch(STAGGERED, 302, config()).attributes();
    assertEquals("0x440a5e20", l1InfoSelector(a.transactions().get(0)));
    assertEquals(4 + 5 * 32, l1InfoTx(a).data().length());
    assertEquals(1, a.transactions().size());
    L1Block preCancun = L1Block.empty(l1Block(25).ref(), TestChain.L1_BASE_FEE, TestChain.mixHash(25));
    PayloadAttributes noRoot = prepared(new StatefulAttributesPreparer(STAGGERED, TestChain.L1)
        .prepare(parent(302, 25, 0, config()), preCancun, 304)).attributes();
    assertEquals(Optional.of(Hash32.ZERO), noRoot.parentBeaconBlockRoot());
  }

  @Test
  void fjordActivationBlockAppendsThreeUpgradeTxs() {
    PayloadAttributes a = midEpoch(STAGGERED, 400, config()).attributes();
    assertEquals("0x440a5e20", l1InfoSelector(a.transactions().get(0)));
    assertEquals(encoded(FjordUpgrade.transactions()), a.transactions().subList(1, a.transactions().size()));
    assertEquals(4, a.transactions().size());
    assertEquals(1, midEpoch(STAGGERED, 500, config()).attributes().transactions().size(), "Granite has no upgrade txs");
  }

  @Test
  void holoceneSendsZerosOnItsActivationBlockAndTheSystemConfigsParamsAfter() {
    SystemConfig custom = config().withEip1559(100, 4);
    assertEquals(Optional.empty(), midEpoch(STAGGERED, 598, custom).attributes().eip1559Params());
    assertEquals(Optional.of(Bytes.fromHex("0x0000000000000000")), midEpoch(STAGGERED, 600, custom).attributes().eip1559Params());
    assertEquals(Optional.of(Bytes.fromHex("0x0000006400000004")), midEpoch(STAGGERED, 602, custom).attributes().eip1559Params());
    assertEquals(Optional.of(Bytes.fromHex("0x0000000000000000")), midEpoch(STAGGERED, 602, config()).attributes().eip1559Params(),
        "an unset config asks for the defaults with zeros");
  }

  @Test
  void isthmusActivationBlockKeepsTheEcotoneFormAndAppendsEightUpgradeTxs() {
    SystemConfig withOperatorFee = config().withOperatorFee(0x1234, 0x0102030405060708L);
    PayloadAttributes a = midEpoch(STAGGERED, 700, withOperatorFee).attributes();
    assertEquals("0x440a5e20", l1InfoSelector(a.transactions().get(0)));
    assertEquals(encoded(IsthmusUpgrade.transactions()), a.transactions().subList(1, a.transactions().size()));
    assertEquals(9, a.transactions().size());
    PayloadAttributes next = midEpoch(STAGGERED, 702, withOperatorFee).attributes();
    assertEquals("0x098999be", l1InfoSelector(next.transactions().get(0)));
    Bytes calldata = l1InfoTx(next).data();
    assertEquals(4 + 5 * 32 + 4 + 8, calldata.length());
    assertEquals(Bytes.fromHex("0x000012340102030405060708"), calldata.slice(164, 12), "operator fee scalar and constant");
  }

  @Test
  void jovianActivationBlockKeepsTheIsthmusFormAppendsFiveTxsAndSendsTheMinBaseFee() {
    SystemConfig withMinBaseFee = config().withMinBaseFee(1_000_000_000L);
    assertEquals(OptionalLong.empty(), midEpoch(STAGGERED, 798, withMinBaseFee).attributes().minBaseFee());
    PayloadAttributes a = midEpoch(STAGGERED, 800, withMinBaseFee).attributes();
    assertEquals("0x098999be", l1InfoSelector(a.transactions().get(0)));
    assertEquals(encoded(JovianUpgrade.transactions()), a.transactions().subList(1, a.transactions().size()));
    assertEquals(6, a.transactions().size());
    assertEquals(OptionalLong.of(1_000_000_000L), a.minBaseFee());
    assertEquals(OptionalLong.of(0), midEpoch(STAGGERED, 802, config()).attributes().minBaseFee(), "zero, not absent, when unset");
  }

  @Test
  void afterJovianTheDepositCarriesTheDaFootprintScalarWith400ForUnset() {
    PayloadAttributes unset = midEpoch(STAGGERED, 802, config()).attributes();
    assertEquals("0x3db6be2b", l1InfoSelector(unset.transactions().get(0)));
    Bytes calldata = l1InfoTx(unset).data();
    assertEquals(178, calldata.length());
    assertEquals(Bytes.fromHex("0x0190"), calldata.slice(176, 2));
    Bytes custom = l1InfoTx(midEpoch(STAGGERED, 802, config().withDaFootprintGasScalar(7)).attributes()).data();
    assertEquals(Bytes.fromHex("0x0007"), custom.slice(176, 2));
  }

  @Test
  void karstActivationBlockCarriesThe31BundleTxsAndTheirGas() {
    PayloadAttributes a = midEpoch(STAGGERED, 900, config()).attributes();
    assertEquals("0x3db6be2b", l1InfoSelector(a.transactions().get(0)), "Karst keeps the Jovian form");
    assertEquals(encoded(KarstUpgrade.transactions()), a.transactions().subList(1, a.transactions().size()));
    assertEquals(32, a.transactions().size());
    long bundleGas = 0;
    for (DepositTransaction t : KarstUpgrade.transactions()) {
      bundleGas += t.gasLimit();
    }
    assertEquals(GAS_LIMIT + bundleGas, a.gasLimit(), "system gas limit plus every bundle tx's gas (no extra gas for Karst)");
    assertEquals(GAS_LIMIT, midEpoch(STAGGERED, 902, config()).attributes().gasLimit());
  }

  @Test
  void forksActivatingTogetherAppendTheirTxsInForkOrder() {
    RollupConfig together = TestRollupConfigs.withForks(TestRollupConfigs.allAt(Fork.FJORD, 300), false);
    PayloadAttributes a = midEpoch(together, 300, config()).attributes();
    List<Bytes> expected = new ArrayList<>(encoded(EcotoneUpgrade.transactions()));
    expected.addAll(encoded(FjordUpgrade.transactions()));
    assertEquals("0x015d8eb9", l1InfoSelector(a.transactions().get(0)));
    assertEquals(expected, a.transactions().subList(1, a.transactions().size()));
  }
}
