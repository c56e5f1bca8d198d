package dev.basalt.core.derive.payload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.basalt.core.config.Fork;
import dev.basalt.core.config.RollupConfig;
import dev.basalt.core.config.TestRollupConfigs;
import dev.basalt.core.types.Bytes;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** Header extraData forms of specs holocene/exec-engine.md (9 bytes, v0) and jovian/exec-engine.md (17 bytes, v1). */
class FeeParamsExtraDataTest {
  // Holocene 600, Jovian 800.
  private static final RollupConfig STAGGERED = TestRollupConfigs.withForks(TestRollupConfigs.staggered(Fork.KARST), false);
  /** The extraData of every OP Sepolia header in kona's executor fixtures: denominator 250, elasticity 6. */
  private static final Bytes OP_SEPOLIA_HOLOCENE = Bytes.fromHex("0x00000000fa00000006");
  private static final Bytes JOVIAN_1_GWEI = Bytes.fromHex("0x01000000fa00000006000000003b9aca00");

  private static String invalid(long time, String hex) {
    return FeeParamsExtraData.validate(STAGGERED, time, Bytes.fromHex(hex)).orElseThrow();
  }

  @Test
  void decodesBothForms() {
    assertEquals(new FeeParamsExtraData(250, 6, OptionalLong.empty()), FeeParamsExtraData.decode(STAGGERED, 600, OP_SEPOLIA_HOLOCENE));
    assertEquals(new FeeParamsExtraData(250, 6, OptionalLong.of(1_000_000_000L)), FeeParamsExtraData.decode(STAGGERED, 800, JOVIAN_1_GWEI));
    assertEquals(new FeeParamsExtraData(0, 0, OptionalLong.empty()), FeeParamsExtraData.decode(STAGGERED, 598, Bytes.EMPTY));
  }

  @Test
  void encodesBothForms() {
    assertEquals(OP_SEPOLIA_HOLOCENE, new FeeParamsExtraData(250, 6, OptionalLong.empty()).encode());
    assertEquals(JOVIAN_1_GWEI, new FeeParamsExtraData(250, 6, OptionalLong.of(1_000_000_000L)).encode());
    assertEquals(Bytes.fromHex("0x01ffffffffffffffffffffffffffffffff"),
        new FeeParamsExtraData(0xffff_ffffL, 0xffff_ffffL, OptionalLong.of(-1)).encode(), "u32 and u64 maxima");
  }

  @Test
  void validatesAsOpCoreDoes() {
    assertTrue(invalid(600, "0x00000000fa0000000600").contains("9 bytes"));
    assertTrue(invalid(600, "0x01000000fa00000006").contains("version byte should be 0"));
    assertTrue(invalid(600, "0x000000000000000006").contains("non-zero denominator"));
    assertTrue(invalid(600, "0x00000000fa00000000").contains("non-zero elasticity"));
    assertTrue(invalid(800, "0x00000000fa00000006").contains("17 bytes"), "Jovian needs the long form");
    assertTrue(invalid(800, "0x00000000fa00000006000000003b9aca00").contains("version byte should be 1"));
    assertTrue(invalid(598, "0x00").contains("empty before Holocene"));
    assertEquals(Optional.empty(), FeeParamsExtraData.validate(STAGGERED, 800, Bytes.fromHex("0x01000000fa000000060000000000000000")),
        "any minimum base fee, zero included");
    assertThrows(IllegalArgumentException.class, () -> FeeParamsExtraData.decode(STAGGERED, 600, Bytes.fromHex("0x00")));
  }

  @Test
  void theEngineWritesTheCanyonDefaultsForZeroParams() {
    Bytes zeros = Bytes.fromHex("0x0000000000000000");
    assertEquals(OP_SEPOLIA_HOLOCENE, FeeParamsExtraData.forAttributes(STAGGERED, Optional.of(zeros), OptionalLong.empty()));
    assertEquals(Bytes.fromHex("0x000000006400000004"),
        FeeParamsExtraData.forAttributes(STAGGERED, Optional.of(Bytes.fromHex("0x0000006400000004")), OptionalLong.empty()));
    assertEquals(JOVIAN_1_GWEI, FeeParamsExtraData.forAttributes(STAGGERED, Optional.of(zeros), OptionalLong.of(1_000_000_000L)));
    assertEquals(Bytes.EMPTY, FeeParamsExtraData.forAttributes(STAGGERED, Optional.empty(), OptionalLong.empty()));
  }

  @Test
  void attributesParamsAreDenominatorThenElasticity() {
    Bytes params = FeeParamsExtraData.eip1559Params(250, 6);
    assertEquals(Bytes.fromHex("0x000000fa00000006"), params);
    assertEquals(250, FeeParamsExtraData.paramsDenominator(params));
    assertEquals(6, FeeParamsExtraData.paramsElasticity(params));
    assertThrows(IllegalArgumentException.class, () -> FeeParamsExtraData.eip1559Params(1L << 32, 6));
  }
}
