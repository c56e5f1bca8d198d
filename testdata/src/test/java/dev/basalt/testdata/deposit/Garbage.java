package dev.basalt.testdata.deposit;

import dev.basalt.testdata.gen.SimRng;
import java.util.Arrays;

/** Seeded mutations of valid inputs: they reach deeper into a decoder than uniform noise does. */
public final class Garbage {
  private Garbage() {}

  /** One of: bit flips, truncation, extension, a byte run overwritten, or pure noise. */
  public static byte[] mutate(SimRng rng, byte[] valid) {
    return switch (rng.nextInt(5)) {
      case 0 -> flip(rng, valid);
      case 1 -> Arrays.copyOf(valid, rng.nextInt(valid.length + 1));
      case 2 -> {
        byte[] longer = Arrays.copyOf(valid, valid.length + 1 + rng.nextInt(40));
        byte[] tail = rng.bytes(longer.length - valid.length);
        System.arraycopy(tail, 0, longer, valid.length, tail.length);
        yield longer;
      }
      case 3 -> {
        byte[] copy = valid.clone();
        if (copy.length > 0) {
          int at = rng.nextInt(copy.length);
          byte fill = (byte) (rng.chance(1, 2) ? 0xff : rng.nextInt(256));
          Arrays.fill(copy, at, Math.min(copy.length, at + 1 + rng.nextInt(40)), fill);
        }
        yield copy;
      }
      default -> rng.bytes(rng.nextInt(400));
    };
  }

  /** Flips one to four random bits. */
  public static byte[] flip(SimRng rng, byte[] valid) {
    byte[] copy = valid.clone();
    if (copy.length == 0) {
      return copy;
    }
    int flips = 1 + rng.nextInt(4);
    for (int i = 0; i < flips; i++) {
      int at = rng.nextInt(copy.length);
      copy[at] ^= (byte) (1 << rng.nextInt(8));
    }
    return copy;
  }
}
