package dev.basalt.testdata.attributes;

import dev.basalt.core.config.SystemConfig;
import dev.basalt.core.types.Address;
import dev.basalt.core.types.Hash32;
import dev.basalt.core.types.Log;
import dev.basalt.testdata.gen.SimRng;
import dev.basalt.testdata.gen.ValueGenerators;
import java.util.function.UnaryOperator;

/**
 * A ConfigUpdate log with the change it stands for (specs system-config.md and the Holocene,
 * Isthmus and Jovian system-config documents). Fee scalars come with a zero overhead and a
 * canonical version-1 scalar, which pre-Ecotone and Ecotone semantics apply alike.
 */
record ConfigChange(Log log, UnaryOperator<SystemConfig> change) {
  SystemConfig apply(SystemConfig c) {
    return change.apply(c);
  }

  private static ConfigChange of(int type, String payloadHex, UnaryOperator<SystemConfig> change) {
    return new ConfigChange(L1Logs.configUpdate(RandomChain.SYSTEM_CONFIG, type, payloadHex), change);
  }

  static ConfigChange random(SimRng rng) {
    switch ((int) rng.between(0, 6)) {
      case 0 -> {
        Address batcher = ValueGenerators.address(rng);
        return of(0, "00".repeat(12) + batcher.toHex().substring(2), c -> c.withBatcher(batcher));
      }
      case 1 -> {
        Hash32 scalar = RandomChain.scalar(rng);
        return of(1, "00".repeat(32) + scalar.toHex().substring(2), c -> c.withFeeScalars(Hash32.ZERO, scalar));
      }
      case 2 -> {
        long gas = rng.between(30_000_000, 60_000_000);
        return of(2, L1Logs.word(gas), c -> c.withGasLimit(gas));
      }
      case 3 -> {
        boolean unset = rng.chance(1, 4);
        long denominator = unset ? 0 : rng.between(1, 0xffff_ffffL);
        long elasticity = unset ? 0 : rng.between(1, 0xffff_ffffL);
        return of(4, "00".repeat(24) + String.format("%08x%08x", denominator, elasticity), c -> c.withEip1559(denominator, elasticity));
      }
      case 4 -> {
        long scalar = RandomChain.u32(rng);
        long constant = rng.nextLong();
        return of(5, "00".repeat(20) + String.format("%08x%016x", scalar, constant), c -> c.withOperatorFee(scalar, constant));
      }
      case 5 -> {
        long minBaseFee = rng.nextLong();
        return of(6, L1Logs.word(minBaseFee), c -> c.withMinBaseFee(minBaseFee));
      }
      default -> {
        int scalar = (int) rng.nextLong(1 << 16);
        return of(7, L1Logs.word(scalar), c -> c.withDaFootprintGasScalar(scalar));
      }
    }
  }
}
