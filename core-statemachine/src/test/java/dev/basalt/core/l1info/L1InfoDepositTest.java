package dev.basalt.core.l1info;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.basalt.core.config.Fork;
import dev.basalt.core.config.ForkSchedule;
import dev.basalt.core.config.RollupConfig;
import dev.basalt.core.config.SystemConfig;
import dev.basalt.core.config.TestRollupConfigs;
import dev.basalt.core.deposit.DepositTransaction;
import dev.basalt.core.deposit.SourceHash;
import dev.basalt.core.sysconfig.EcotoneScalar;
import dev.basalt.core.types.Address;
import dev.basalt.core.types.Hash32;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;

class L1InfoDepositTest {
  private static final Hash32 L1_HASH = Hash32.fromHex("0x" + "0e".repeat(32));
  private static final L1OriginFields L1 = new L1OriginFields(18_090_206, 1_694_158_127, BigInteger.valueOf(11_229_532_865L), L1_HASH,
      BigInteger.valueOf(7));
  private static final Address BATCHER = Address.fromHex("0x6887246668a3b87f54deb3b94ba47a6f63f32985");
  private static final SystemConfig BEDROCK_SYSTEM = new SystemConfig(BATCHER, Hash32.fromHex(word(0xbc)), Hash32.fromHex(word(0xa6fe0)),
      30_000_000, 0, 0, 0, 0, 0, 0);

  private static String word(long v) {
    return String.format("%064x", v);
  }

  @Test
  void beforeRegolithItIsASystemTransactionWith150MillionGas() {
    RollupConfig rollup = TestRollupConfigs.withForks(ForkSchedule.builder().build(), false);
    DepositTransaction tx = L1InfoDeposit.build(rollup, BEDROCK_SYSTEM, L1, 3, 1000);
    assertTrue(tx.isSystemTx());
    assertEquals(150_000_000, tx.gasLimit());
    assertEquals(L1InfoDeposit.DEPOSITOR, tx.from());
    assertEquals(L1InfoDeposit.L1_BLOCK_PREDEPLOY, tx.to());
    assertEquals(BigInteger.ZERO, tx.mint());
    assertEquals(BigInteger.ZERO, tx.value());
    assertEquals(SourceHash.l1Info(L1_HASH, 3), tx.sourceHash());
  }

  @Test
  void fromRegolithItIsAnOrdinaryDepositWithOneMillionGasCarryingTheBedrockForm() {
    RollupConfig rollup = TestRollupConfigs.withForks(TestRollupConfigs.allAt(Fork.DELTA, 0), false);
    DepositTransaction tx = L1InfoDeposit.build(rollup, BEDROCK_SYSTEM, L1, 0, 1000);
    assertFalse(tx.isSystemTx());
    assertEquals(1_000_000, tx.gasLimit());
    L1BlockInfo info = L1InfoDeposit.parse(tx, L1InfoForm.BEDROCK);
    assertEquals(18_090_206, info.number());
    assertEquals(BATCHER, info.batcherAddress());
    assertEquals(BEDROCK_SYSTEM.overhead(), info.l1FeeOverhead());
    assertEquals(BEDROCK_SYSTEM.scalar(), info.l1FeeScalar());
  }

  @Test
  void ecotoneFormDecodesTheVersionedScalar() {
    RollupConfig rollup = TestRollupConfigs.withForks(TestRollupConfigs.allAt(Fork.HOLOCENE, 0), false);
    SystemConfig system = BEDROCK_SYSTEM.withFeeScalars(Hash32.ZERO, EcotoneScalar.encode(810_949, 1368));
    L1BlockInfo info = L1InfoDeposit.parse(L1InfoDeposit.build(rollup, system, L1, 5, 1000), L1InfoForm.ECOTONE);
    assertEquals(1368, info.baseFeeScalar());
    assertEquals(810_949, info.blobBaseFeeScalar());
    assertEquals(BigInteger.valueOf(7), info.blobBaseFee());
    assertEquals(5, info.sequenceNumber());
  }

  @Test
  void ecotoneFormTurnsALegacyScalarWithDirtyPaddingIntoTheMaximum() {
    RollupConfig rollup = TestRollupConfigs.withForks(TestRollupConfigs.allAt(Fork.ECOTONE, 0), false);
    SystemConfig system = BEDROCK_SYSTEM.withFeeScalars(Hash32.ZERO, Hash32.fromHex("0x0001" + "00".repeat(30)));
    L1BlockInfo info = L1InfoDeposit.parse(L1InfoDeposit.build(rollup, system, L1, 0, 1000), L1InfoForm.ECOTONE);
    assertEquals(0xffff_ffffL, info.baseFeeScalar());
    assertEquals(0, info.blobBaseFeeScalar());
    SystemConfig unknownVersion = BEDROCK_SYSTEM.withFeeScalars(Hash32.ZERO, Hash32.fromHex("0x02" + "00".repeat(31)));
    assertThrows(IllegalArgumentException.class, () -> L1InfoDeposit.build(rollup, unknownVersion, L1, 0, 1000));
  }

  @Test
  void isthmusAndJovianCarryOperatorFeeAndDaScalarWithItsDefault() {
    SystemConfig system = BEDROCK_SYSTEM.withFeeScalars(Hash32.ZERO, EcotoneScalar.encode(3, 2)).withOperatorFee(20_000, 500);
    RollupConfig isthmus = TestRollupConfigs.withForks(TestRollupConfigs.allAt(Fork.ISTHMUS, 0), false);
    L1BlockInfo i = L1InfoDeposit.parse(L1InfoDeposit.build(isthmus, system, L1, 0, 1000), L1InfoForm.ISTHMUS);
    assertEquals(20_000, i.operatorFeeScalar());
    assertEquals(500, i.operatorFeeConstant());

    RollupConfig jovian = TestRollupConfigs.withForks(TestRollupConfigs.allAt(Fork.KARST, 0), false);
    L1BlockInfo j = L1InfoDeposit.parse(L1InfoDeposit.build(jovian, system, L1, 0, 1000), L1InfoForm.JOVIAN);
    assertEquals(400, j.daFootprintGasScalar());
    L1BlockInfo set = L1InfoDeposit.parse(L1InfoDeposit.build(jovian, system.withDaFootprintGasScalar(7), L1, 0, 1000), L1InfoForm.JOVIAN);
    assertEquals(7, set.daFootprintGasScalar());
  }

  @Test
  void theFormFollowsTheBlockNotTheConfig() {
    RollupConfig rollup = TestRollupConfigs.withForks(TestRollupConfigs.staggered(Fork.JOVIAN), false);
    SystemConfig system = BEDROCK_SYSTEM.withFeeScalars(Hash32.ZERO, EcotoneScalar.encode(3, 2));
    assertEquals(L1InfoForm.ISTHMUS.length(), L1InfoDeposit.build(rollup, system, L1, 0, 800).data().length());
    assertEquals(L1InfoForm.JOVIAN.length(), L1InfoDeposit.build(rollup, system, L1, 0, 802).data().length());
  }
}
