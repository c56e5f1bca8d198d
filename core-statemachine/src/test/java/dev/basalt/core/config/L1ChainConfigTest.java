package dev.basalt.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class L1ChainConfigTest {
  private final L1ChainConfig mainnet = SampleConfigs.ethereumMainnet();

  @Test
  void fractionFollowsTheScheduleAtEveryBoundary() {
    // Expected fractions: EIP-4844 (3338477), EIP-7691 (5007716), go-ethereum BPO1/BPO2 configs.
    assertEquals(3338477, mainnet.blobBaseFeeUpdateFraction(1710338135));
    assertEquals(3338477, mainnet.blobBaseFeeUpdateFraction(1746612310));
    assertEquals(5007716, mainnet.blobBaseFeeUpdateFraction(1746612311));
    assertEquals(5007716, mainnet.blobBaseFeeUpdateFraction(1764798551), "Osaka keeps Prague's parameters");
    assertEquals(5007716, mainnet.blobBaseFeeUpdateFraction(1765290070));
    assertEquals(8346193, mainnet.blobBaseFeeUpdateFraction(1765290071));
    assertEquals(8346193, mainnet.blobBaseFeeUpdateFraction(1767747670));
    assertEquals(11684671, mainnet.blobBaseFeeUpdateFraction(1767747671));
    assertEquals(11684671, mainnet.blobBaseFeeUpdateFraction(Long.MAX_VALUE));
  }

  @Test
  void targetAndMaxFollowTheSchedule() {
    assertEquals(new BlobParams(10, 15, 8346193), mainnet.blobParamsAt(1766000000).orElseThrow());
    assertEquals(BlobParams.PRAGUE, mainnet.blobParamsAt(1764798551).orElseThrow());
  }

  @Test
  void noBlobScheduleBeforeCancun() {
    assertTrue(mainnet.blobParamsAt(1710338134).isEmpty());
    assertThrows(IllegalStateException.class, () -> mainnet.blobBaseFeeUpdateFraction(1710338134));
    assertFalse(mainnet.isActive(L1Fork.CANCUN, 1710338134));
    assertTrue(mainnet.isActive(L1Fork.CANCUN, 1710338135));
    assertFalse(mainnet.isActive(L1Fork.BPO3, Long.MAX_VALUE), "BPO3 is not scheduled on mainnet");
  }

  @Test
  void forksAtTheSameTimeTakeTheLaterForksParameters() {
    L1ChainConfig devnet = new L1ChainConfig(900, List.of(
        L1ForkActivation.of(L1Fork.CANCUN, 0, BlobParams.CANCUN),
        L1ForkActivation.of(L1Fork.PRAGUE, 0, BlobParams.PRAGUE),
        L1ForkActivation.of(L1Fork.BPO1, 0, new BlobParams(10, 15, 8346193))));
    assertEquals(8346193, devnet.blobBaseFeeUpdateFraction(0));
  }

  @Test
  void rejectsMalformedSchedules() {
    assertThrows(IllegalArgumentException.class, () -> new L1ChainConfig(1, List.of(
        L1ForkActivation.of(L1Fork.PRAGUE, 10, BlobParams.PRAGUE),
        L1ForkActivation.of(L1Fork.CANCUN, 20, BlobParams.CANCUN))), "out of order");
    assertThrows(IllegalArgumentException.class, () -> new L1ChainConfig(1, List.of(
        L1ForkActivation.of(L1Fork.CANCUN, 20, BlobParams.CANCUN),
        L1ForkActivation.of(L1Fork.PRAGUE, 10, BlobParams.PRAGUE))), "time goes backwards");
    assertThrows(IllegalArgumentException.class, () -> new L1ChainConfig(1, List.of(
        L1ForkActivation.withoutBlobChange(L1Fork.OSAKA, 10))), "first fork without blob parameters");
    assertThrows(IllegalArgumentException.class, () -> new L1ChainConfig(0, List.of()), "chain id 0");
    assertThrows(IllegalArgumentException.class, () -> new BlobParams(3, 6, 0), "zero fraction");
  }
}
