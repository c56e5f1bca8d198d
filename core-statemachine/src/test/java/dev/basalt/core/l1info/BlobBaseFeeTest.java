package dev.basalt.core.l1info;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;

class BlobBaseFeeTest {
  /** The EIP-4844 reference cases, as go-ethereum's TestFakeExponential lists them. */
  @Test
  void matchesTheReferenceCases() {
    long[][] cases = {
      {1, 2, 1, 6}, {1, 4, 2, 6}, {1, 3, 1, 16}, {1, 6, 2, 18}, {1, 4, 1, 49}, {1, 8, 2, 50},
      {10, 8, 2, 542}, {11, 8, 2, 596}, {1, 5, 1, 136}, {1, 5, 2, 11}, {2, 5, 2, 23},
      {1, 50_000_000, 2_225_652, 5_709_098_764L}, {1, 0, 1, 1}, {38_493, 0, 1000, 38_493}, {0, 1234, 2345, 0}};
    for (long[] c : cases) {
      assertEquals(BigInteger.valueOf(c[3]),
          BlobBaseFee.fakeExponential(BigInteger.valueOf(c[0]), BigInteger.valueOf(c[1]), BigInteger.valueOf(c[2])),
          () -> c[0] + "," + c[1] + "," + c[2]);
    }
  }

  @Test
  void cancunFractionGivesTheMinimumForSmallExcess() {
    assertEquals(BigInteger.ONE, BlobBaseFee.of(0, 3_338_477));
    assertEquals(BigInteger.ONE, BlobBaseFee.of(380_928, 3_338_477));
  }

  @Test
  void absurdExcessFailsFastInsteadOfLooping() {
    assertThrows(ArithmeticException.class, () -> BlobBaseFee.of(-1L, 1));
    assertThrows(ArithmeticException.class, () -> BlobBaseFee.of(Long.MAX_VALUE, 3_338_477));
    assertThrows(IllegalArgumentException.class, () -> BlobBaseFee.of(1, 0));
  }
}
