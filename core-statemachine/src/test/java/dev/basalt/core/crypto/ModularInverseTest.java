package dev.basalt.core.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** safegcd inversion modulo n and p against BigInteger.modInverse, on edge and seeded random values. */
class ModularInverseTest {
  private static List<BigInteger> edges(BigInteger m) {
    List<BigInteger> out = new ArrayList<>();
    for (long small = 1; small < 70; small++) {
      out.add(BigInteger.valueOf(small));
      out.add(m.subtract(BigInteger.valueOf(small)));
    }
    for (int bit = 0; bit < 256; bit++) {
      out.add(BigInteger.ONE.shiftLeft(bit).mod(m));
      out.add(BigInteger.ONE.shiftLeft(bit).subtract(BigInteger.ONE).mod(m));
      out.add(m.shiftRight(bit));
    }
    // every limb boundary of the 62-bit and 64-bit representations, all ones or all zeros around it
    for (int bit : new int[] {62, 64, 124, 128, 186, 192, 248}) {
      out.add(BigInteger.ONE.shiftLeft(bit).add(BigInteger.ONE).mod(m));
      out.add(m.subtract(BigInteger.ONE.shiftLeft(bit)));
    }
    out.replaceAll(v -> v.mod(m));
    out.removeIf(v -> v.signum() == 0);
    return out;
  }

  private static void check(ModularInverse inverse, BigInteger m, long seed) {
    List<BigInteger> values = edges(m);
    Random random = new Random(seed);
    while (values.size() < 30_000) {
      BigInteger v = new BigInteger(random.nextInt(257), random);
      if (v.signum() > 0 && v.compareTo(m) < 0) {
        values.add(v);
      }
    }
    for (BigInteger v : values) {
      long[] limbs = Secp256k1Recovery.limbs(v);
      long[] out = new long[4];
      inverse.invert(out, limbs);
      assertEquals(v.modInverse(m), Secp256k1Recovery.unsigned(out), () -> "v=" + v.toString(16));
      assertEquals(v, Secp256k1Recovery.unsigned(limbs), "the input is left alone");
      inverse.invert(limbs, limbs); // in place
      assertArrayEquals(out, limbs);
    }
  }

  @Test
  void invertsModuloTheGroupOrder() {
    check(ModularInverse.ORDER, Secp256k1.N, 11);
  }

  @Test
  void invertsModuloTheFieldPrime() {
    check(ModularInverse.FIELD, Secp256k1Recovery.P, 12);
  }

  @Test
  void zeroHasNoInverseAndGivesZero() {
    long[] out = {1, 2, 3, 4};
    ModularInverse.ORDER.invert(out, new long[4]);
    assertArrayEquals(new long[4], out);
    ModularInverse.FIELD.invert(out, new long[4]);
    assertArrayEquals(new long[4], out);
  }
}
