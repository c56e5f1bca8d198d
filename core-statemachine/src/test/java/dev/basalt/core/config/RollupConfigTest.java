package dev.basalt.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.basalt.core.types.Address;
import java.util.List;
import org.junit.jupiter.api.Test;

class RollupConfigTest {
  private final RollupConfig op = SampleConfigs.opMainnet();

  /** Same chain with a Pectra blob-schedule fix time; OP Sepolia's registry value. */
  private static RollupConfig withPectraFix(RollupConfig c, long at) {
    return new RollupConfig(c.l1ChainId(), c.l2ChainId(), c.genesis(), c.blockTimeSeconds(), c.maxSequencerDriftSeconds(),
        c.seqWindowSize(), c.channelTimeoutBedrock(), c.batchInboxAddress(), c.depositContractAddress(),
        c.l1SystemConfigAddress(), c.forks(), at, c.eip1559(), c.keepKarstUpgradeGas(), c.protocolVersionsAddress(),
        c.unsupportedFeatures());
  }

  @Test
  void blockNumbersAndTimestampsAreInverse() {
    // SPEC-MAP §2/§5 activation blocks, derived from genesis 105235063 @ 1686068903 and 2 s blocks.
    assertEquals(153_963_812, op.l2BlockNumberAt(1783526401));
    assertEquals(1783526401, op.l2TimestampAt(153_963_812));
    assertEquals(105235063, op.l2BlockNumberAt(1686068903));
    assertEquals(105235063, op.l2BlockNumberAt(1686068904), "between blocks rounds down");
  }

  @Test
  void pectraFixHoldsTheCancunFractionUntilItsTime() {
    L1ChainConfig sepolia = SampleConfigs.sepolia();
    long fix = 1742486400; // OP Sepolia pectra_blob_schedule_time
    long prague = 1741159776; // Sepolia L1 Prague
    RollupConfig fixed = withPectraFix(op, fix);
    assertTrue(fixed.forcesCancunBlobFraction(fix - 1));
    assertFalse(fixed.forcesCancunBlobFraction(fix));
    assertEquals(3338477, fixed.l1InfoBlobBaseFeeUpdateFraction(sepolia, prague), "Prague on L1, fix holds Cancun's");
    assertEquals(3338477, fixed.l1InfoBlobBaseFeeUpdateFraction(sepolia, fix - 1));
    assertEquals(5007716, fixed.l1InfoBlobBaseFeeUpdateFraction(sepolia, fix));
    assertEquals(5007716, op.l1InfoBlobBaseFeeUpdateFraction(sepolia, prague), "no fix: L1 schedule");
    assertEquals(3338477, op.l1InfoBlobBaseFeeUpdateFraction(sepolia, prague - 1));
    assertFalse(op.forcesCancunBlobFraction(0));
  }

  @Test
  void legacyConstructorMeansNoExtrasAndSupported() {
    assertEquals(Address.ZERO, op.protocolVersionsAddress());
    assertEquals(List.of(), op.unsupportedFeatures());
    assertTrue(op.isSupported());
  }

  @Test
  void forkBoundariesOnOpMainnet() {
    assertFalse(op.isActive(Fork.KARST, 1783526400));
    assertTrue(op.isActive(Fork.KARST, 1783526401));
    assertTrue(op.isActivationBlock(Fork.KARST, 1783526401));
    assertFalse(op.isActivationBlock(Fork.KARST, 1783526403));
    assertEquals(50, op.channelTimeout(1726070401));
    assertEquals(300, op.channelTimeout(1726070400));
    assertEquals(1800, op.maxSequencerDrift(1720627201));
    assertEquals(600, op.maxSequencerDrift(1720627200));
  }

  @Test
  void unsupportedFeaturesAreKeptInCanonicalOrder() {
    RollupConfig c = new RollupConfig(op.l1ChainId(), op.l2ChainId(), op.genesis(), op.blockTimeSeconds(), op.maxSequencerDriftSeconds(),
        op.seqWindowSize(), op.channelTimeoutBedrock(), op.batchInboxAddress(), op.depositContractAddress(),
        op.l1SystemConfigAddress(), op.forks(), -1, op.eip1559(), false, Address.ZERO,
        List.of(UnsupportedFeature.INTEROP, UnsupportedFeature.ALT_DA, UnsupportedFeature.INTEROP));
    assertEquals(List.of(UnsupportedFeature.ALT_DA, UnsupportedFeature.INTEROP), c.unsupportedFeatures());
    assertFalse(c.isSupported());
  }

  @Test
  void rejectsABadPectraTime() {
    assertThrows(IllegalArgumentException.class, () -> withPectraFix(op, -2));
  }
}
