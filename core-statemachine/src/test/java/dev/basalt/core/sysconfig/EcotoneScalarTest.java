package dev.basalt.core.sysconfig;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.basalt.core.types.Hash32;
import org.junit.jupiter.api.Test;

class EcotoneScalarTest {
  @Test
  void version0CarriesOnlyTheBaseFeeScalar() {
    Hash32 v0 = Hash32.fromHex("0x" + "00".repeat(28) + "000a6fe0");
    assertTrue(EcotoneScalar.isValid(v0));
    assertEquals(0xa6fe0, EcotoneScalar.baseFeeScalar(v0));
    assertEquals(0, EcotoneScalar.blobBaseFeeScalar(v0));
  }

  @Test
  void version1CarriesBothScalars() {
    Hash32 v1 = Hash32.fromHex("0x01" + "00".repeat(23) + "000c5fc5" + "00000558");
    assertTrue(EcotoneScalar.isValid(v1));
    assertEquals(1368, EcotoneScalar.baseFeeScalar(v1));
    assertEquals(810949, EcotoneScalar.blobBaseFeeScalar(v1));
    assertEquals(v1, EcotoneScalar.encode(810949, 1368));
  }

  @Test
  void version0WithDirtyPaddingMeansTheMaximumBaseFeeScalar() {
    Hash32 dirty = Hash32.fromHex("0x00" + "01" + "00".repeat(26) + "00000005");
    assertFalse(EcotoneScalar.isValid(dirty));
    assertEquals(0xffff_ffffL, EcotoneScalar.baseFeeScalar(dirty));
    assertEquals(0, EcotoneScalar.blobBaseFeeScalar(dirty));
  }

  @Test
  void unknownVersionsAndDirtyVersion1AreInvalid() {
    Hash32 v2 = Hash32.fromHex("0x02" + "00".repeat(31));
    Hash32 dirtyV1 = Hash32.fromHex("0x01" + "01" + "00".repeat(30));
    assertFalse(EcotoneScalar.isValid(v2));
    assertFalse(EcotoneScalar.isValid(dirtyV1));
    assertThrows(IllegalArgumentException.class, () -> EcotoneScalar.baseFeeScalar(v2));
    assertThrows(IllegalArgumentException.class, () -> EcotoneScalar.blobBaseFeeScalar(dirtyV1));
    assertThrows(IllegalArgumentException.class, () -> EcotoneScalar.encode(1L << 32, 0));
  }
}
