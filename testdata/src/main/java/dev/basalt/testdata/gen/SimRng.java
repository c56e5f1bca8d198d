package dev.basalt.testdata.gen;

import java.nio.charset.StandardCharsets;

/**
 * SplitMix64: a tiny PRNG whose algorithm we own, so a seed gives the same stream on every JDK.
 * {@link #fork(String)} derives an independent stream per subsystem, so adding a draw in one
 * subsystem does not shift the values another one sees.
 */
public final class SimRng {
  private long state;

  public SimRng(long seed) {
    this.state = seed;
  }

  /** An independent generator for {@code name}, derived from this one's seed, not its position. */
  public SimRng fork(String name) {
    long h = state ^ 0x9E3779B97F4A7C15L;
    for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
      h = mix(h ^ b);
    }
    return new SimRng(h);
  }

  public long nextLong() {
    state += 0x9E3779B97F4A7C15L;
    return mix(state);
  }

  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /** Uniform in [0, bound). */
  public int nextInt(int bound) {
    if (bound <= 0) {
      throw new IllegalArgumentException("bound must be positive");
    }
    return (int) Long.remainderUnsigned(nextLong(), bound);
  }

  /** Uniform in [0, bound). */
  public long nextLong(long bound) {
    if (bound <= 0) {
      throw new IllegalArgumentException("bound must be positive");
    }
    return Long.remainderUnsigned(nextLong(), bound);
  }

  /** Uniform in [lo, hi] inclusive. */
  public long between(long lo, long hi) {
    return lo + nextLong(hi - lo + 1);
  }

  public boolean nextBoolean() {
    return (nextLong() & 1) != 0;
  }

  /** True with probability {@code numerator / denominator}. */
  public boolean chance(int numerator, int denominator) {
    return nextInt(denominator) < numerator;
  }

  public void nextBytes(byte[] out) {
    int i = 0;
    while (i < out.length) {
      long v = nextLong();
      for (int k = 0; k < 8 && i < out.length; k++, i++) {
        out[i] = (byte) (v >>> (8 * k));
      }
    }
  }

  public byte[] bytes(int length) {
    byte[] b = new byte[length];
    nextBytes(b);
    return b;
  }

  /** One element of {@code options}. */
  @SafeVarargs
  public final <T> T pick(T... options) {
    return options[nextInt(options.length)];
  }
}
